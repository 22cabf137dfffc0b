using Aid.ServiceDefaults.Documents;

namespace Aid.Appraisal.Decisions;

public static class DecisionEndpoints
{
    /// <summary>The decision of UBND tỉnh: work queue, statistics, approve, refuse, forward to the Prime Minister.</summary>
    public static IEndpointRouteBuilder MapDecisions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/decisions").WithTags("Decisions")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/queue", DecisionQueue.Handle)
            .WithName("GetDecisionQueue").WithSummary("Appraisal reports waiting for the decision of UBND tỉnh: searched, filtered, sorted (soonest deadline first) and paged")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(DecisionAccess.Queue);
        group.MapGet("/forwarded", DecisionQueue.Forwarded)
            .WithName("GetForwardedDossiers").WithSummary("Dossiers forwarded to the Prime Minister whose decision is not recorded yet")
            .RequireAuthorization(DecisionAccess.Queue);
        group.MapGet("/statistics", DecisionQueue.Statistics)
            .WithName("GetDecisionStatistics").WithSummary("Decision stage statistics for a period (?from=yyyy-MM-dd&to=yyyy-MM-dd)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(DecisionAccess.Read);

        Command(group.MapPost("/{id:guid}/approve", ApproveDossierEndpoint.Handle)
            .WithName("ApproveDossier").WithSummary("Approve the aid (an override reason is required when security objected)"));
        Command(group.MapPost("/{id:guid}/refuse", RefuseDossierEndpoint.Handle)
            .WithName("RefuseDossier").WithSummary("Refuse the aid, with reasons"));
        Command(group.MapPost("/{id:guid}/forward", ForwardToPrimeMinisterEndpoint.Handle)
            .WithName("ForwardToPrimeMinister").WithSummary("Forward a Prime Minister matter instead of deciding it locally"));
        Command(group.MapPost("/{id:guid}/prime-minister-decision", PrimeMinisterDecisionEndpoint.Handle)
            .WithName("RecordPrimeMinisterDecision").WithSummary("Record the Prime Minister's decision on a forwarded dossier"));
        Command(group.MapPost("/{id:guid}/prime-minister-document", AttachPrimeMinisterDocumentEndpoint.Handle)
            .WithName("AttachPrimeMinisterDocument")
            .WithSummary("Attach the Prime Minister's decision document (multipart: file; pdf, docx, xlsx, jpg or png up to Documents:MaxBytes)")
            .AcceptsUpload(app.ServiceProvider)
            .Produces<Appraisals.CommandResult>(StatusCodes.Status201Created));
        group.MapGet("/{id:guid}/prime-minister-document", AttachPrimeMinisterDocumentEndpoint.Download)
            .WithName("DownloadPrimeMinisterDocument")
            .WithSummary("Download the Prime Minister's decision document (officers, auditors, and the NGO whose dossier it is)")
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(DecisionAccess.ReadDocument);
        Command(group.MapPost("/{id:guid}/apology", Deadlines.IssueApologySlipEndpoint.ForDecision)
            .WithName("IssueDecisionApologySlip")
            .WithSummary("Past the decision's due date: issue an apology slip (reason, extra working days) that moves it"));
        return app;
    }

    private static void Command(RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(DecisionAccess.Act);
}
