using Aid.Contracts.Desks;
using Aid.ServiceDefaults.Documents;

namespace Aid.Registration.Dossiers;

public static class DossierEndpoints
{
    public const string PublicLookupPolicy = "public-lookup";

    public static IEndpointRouteBuilder MapDossiers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dossiers").WithTags("Dossiers");

        group.MapPost("", SubmitDossierEndpoint.Handle).WithName("SubmitDossier")
            .WithSummary("Submit an aid dossier (NGO staff, for their own NGO); returns the receipt")
            .RequireAuthorization(DossierAccess.Ngo)
            .Produces<DossierReceipt>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(409).ProducesProblem(422);
        group.MapPost("/{id:guid}/supplement-request", RequestSupplementEndpoint.Handle).WithName("RequestSupplement")
            .WithSummary("Ask the NGO for everything missing, in one list (stops the intake clock)")
            .RequireAuthorization(DossierAccess.Intake)
            .Produces<DossierChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/resubmit", ResubmitDossierEndpoint.Handle).WithName("ResubmitDossier")
            .WithSummary("Supply what intake asked for (restarts the clock; the appointment date moves)")
            .RequireAuthorization(DossierAccess.Ngo)
            .Produces<DossierChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/accept", AcceptDossierEndpoint.Handle).WithName("AcceptDossier")
            .WithSummary("Accept the dossier at the intake check: it goes to the security check")
            .RequireAuthorization(DossierAccess.Intake)
            .Produces<DossierChanged>().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/refuse-receipt", RefuseReceiptEndpoint.Handle).WithName("RefuseDossierReceipt")
            .WithSummary("Refuse to receive the dossier at the intake check, with the reason in writing: it ends there")
            .RequireAuthorization(DossierAccess.Intake)
            .Produces<DossierChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/apology", IssueIntakeApologyEndpoint.Handle).WithName("IssueIntakeApologySlip")
            .WithSummary("Past the intake due date: issue an apology slip (reason, extra working days); the dates move")
            .RequireAuthorization(DossierAccess.IntakeApology)
            .Produces<DossierChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/withdraw", WithdrawDossierEndpoint.Handle).WithName("WithdrawDossier")
            .WithSummary("Withdraw the dossier (NGO staff, until the decision)")
            .RequireAuthorization(DossierAccess.Ngo)
            .Produces<DossierChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        group.MapPost("/{id:guid}/documents", UploadDocumentEndpoint.Handle).WithName("UploadDossierDocument")
            .WithSummary("Attach a file (multipart: file, kind); pdf, docx, xlsx, jpg or png up to Documents:MaxBytes")
            .RequireAuthorization(DossierAccess.Ngo)
            .AcceptsUpload(app.ServiceProvider)
            .Produces<StoredDocument>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/{id:guid}/documents/{documentId:guid}", DownloadDocumentEndpoint.Handle).WithName("DownloadDossierDocument")
            .WithSummary("Download an attached file (only for people who may see the dossier)")
            .RequireAuthorization(DossierAccess.Read)
            .Produces(200).ProducesProblem(404);

        group.MapGet("/{id:guid}/status", DossierStatusQueries.ById).WithName("GetDossierStatus")
            .WithSummary("The dossier's stage, holding agency, dates and public timeline")
            .RequireAuthorization(DossierAccess.Read)
            .Produces<DossierStatus>().ProducesProblem(404);
        group.MapGet("/{id:guid}/intake", IntakeView.Get).WithName("GetIntakeDossier")
            .WithSummary("Everything the NGO submitted, for the intake check: content, cited catalogue entry, supplements and answers, files")
            .RequireAuthorization(DossierAccess.ReadIntake)
            .Produces<IntakeDossierView>().ProducesProblem(404);
        group.MapGet("/by-receipt/{code}", DossierStatusQueries.ByReceipt).WithName("GetDossierStatusByReceipt")
            .WithSummary("The status view, found by receipt code")
            .RequireAuthorization(DossierAccess.Read)
            .Produces<DossierStatus>().ProducesProblem(404);
        group.MapGet("/queue", IntakeQueue.Queue).WithName("IntakeQueue")
            .WithSummary("Dossiers waiting for the intake check: searched, filtered, sorted (soonest deadline first) and paged")
            .RequireAuthorization(DossierAccess.ReadIntake)
            .ProducesProblem(400);
        group.MapGet("/statistics", IntakeQueue.Statistics).WithName("IntakeStatistics")
            .WithSummary("Intake stage statistics for a period (from, to: yyyy-MM-dd)")
            .RequireAuthorization(DossierAccess.ReadIntake)
            .ProducesProblem(400);

        app.MapGet("/ngos/{id:guid}/dossiers", DossierStatusQueries.ForNgo).WithName("ListNgoDossiers").WithTags("Dossiers")
            .WithSummary("The NGO's dossiers (NGO staff: their own NGO only)")
            .RequireAuthorization(DossierAccess.Read)
            .Produces<List<DossierSummary>>().ProducesProblem(404);

        app.MapGet("/public/status", DossierStatusQueries.Public).WithName("PublicDossierStatus").WithTags("Public")
            .WithSummary("Public status by receipt code and the secret printed on the receipt (rate limited)")
            .AllowAnonymous().RequireRateLimiting(PublicLookupPolicy)
            .Produces<PublicStatus>().ProducesProblem(404).ProducesProblem(429);
        return app;
    }
}
