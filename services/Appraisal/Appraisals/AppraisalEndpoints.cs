namespace Aid.Appraisal.Appraisals;

public static class AppraisalEndpoints
{
    /// <summary>Sở Tài chính's appraisal: read, work queue, statistics, opinions and the report.</summary>
    public static IEndpointRouteBuilder MapAppraisals(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/appraisals").WithTags("Appraisals")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id:guid}", AppraisalView.Handle)
            .WithName("GetAppraisal").WithSummary("The appraisal and decision of one dossier")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(AppraisalAccess.Read);
        group.MapGet("/queue", AppraisalQueue.Handle)
            .WithName("GetAppraisalQueue").WithSummary("Open appraisals of Sở Tài chính: searched, filtered, sorted (soonest deadline first) and paged")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(AppraisalAccess.Queue);
        group.MapGet("/statistics", AppraisalQueue.Statistics)
            .WithName("GetAppraisalStatistics").WithSummary("Appraisal stage statistics for a period (?from=yyyy-MM-dd&to=yyyy-MM-dd)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(AppraisalAccess.Read);

        Command(group.MapPost("/{id:guid}/opinion-requests", RequestOpinionsEndpoint.Handle)
            .WithName("RequestOpinions").WithSummary("Request written opinions from departments"));
        Command(group.MapPost("/{id:guid}/opinions", RecordOpinionEndpoint.Handle)
            .WithName("RecordOpinion").WithSummary("Record a department's written opinion"));
        Command(group.MapPost("/{id:guid}/report", IssueReportEndpoint.Handle)
            .WithName("IssueAppraisalReport").WithSummary("Issue the appraisal report with its recommendation"));
        Command(group.MapPost("/{id:guid}/apology", Deadlines.IssueApologySlipEndpoint.ForAppraisal)
            .WithName("IssueAppraisalApologySlip")
            .WithSummary("Past the appraisal's due date: issue an apology slip (reason, extra working days) that moves it"));
        return app;
    }

    private static void Command(RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(AppraisalAccess.Act);
}
