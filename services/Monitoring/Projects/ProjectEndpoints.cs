using Aid.Contracts.Desks;
using Aid.ServiceDefaults.Documents;

namespace Aid.Monitoring.Projects;

public static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/projects").WithTags("Projects")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        projects.MapGet("/", ProjectQueries.ListProjects).RequireAuthorization(ProjectAccess.Read)
            .WithName("ListProjects").WithSummary("Monitored projects with their flags (NGO staff: their own NGO's)")
            .Produces<IReadOnlyList<ProjectSummary>>().ProducesValidationProblem();
        projects.MapGet("/queue", ProjectQueue.Get).RequireAuthorization(ProjectAccess.Oversee)
            .WithName("GetMonitoringQueue").WithSummary("Open projects at the report they owe first: searched, filtered, sorted (soonest first) and paged")
            .ProducesValidationProblem();
        projects.MapGet("/statistics", ProjectStatistics.Get).RequireAuthorization(ProjectAccess.Oversee)
            .WithName("GetMonitoringStatistics").WithSummary("Reports on time / late / overdue, inspections by verdict, projects by status")
            .ProducesValidationProblem();
        projects.MapGet("/{id:guid}", ProjectQueries.GetProject).RequireAuthorization(ProjectAccess.Read)
            .WithName("GetProject").WithSummary("One monitored project: schedule, reports, tranches, inspections, flags")
            .Produces<ProjectDeskView>().ProducesProblem(StatusCodes.Status404NotFound);

        Command(projects.MapPost("/{id:guid}/tranches", RecordAidTrancheEndpoint.Handle), "RecordAidTranche", "Record an aid receipt tranche");
        Command(projects.MapPost("/{id:guid}/reports", RecordProgressReportEndpoint.Handle), "RecordProgressReport",
            "Record a scheduled progress report received (NGO staff: submit their own NGO's report)", ProjectAccess.SubmitReport);
        Command(projects.MapPost("/{id:guid}/reports/{key}/attachments", AttachReportFileEndpoint.Handle), "AttachReportFile",
            "Attach a file to a scheduled report before it is filed (multipart: file); pdf, docx, xlsx, jpg or png", ProjectAccess.SubmitReport)
            .AcceptsUpload(app.ServiceProvider);
        projects.MapGet("/{id:guid}/reports/{key}/attachments/{fileId:guid}", AttachReportFileEndpoint.Download).RequireAuthorization(ProjectAccess.Read)
            .WithName("DownloadReportFile").WithSummary("Download a report's attached file (only for people who may see the project)")
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);
        Command(projects.MapPost("/{id:guid}/inspections", RecordInspectionEndpoint.Handle), "RecordInspection", "Record an inspection and its compliance verdict");
        Command(projects.MapPost("/{id:guid}/implementation-started", RecordImplementationStartedEndpoint.Handle), "RecordImplementationStarted", "Record that implementation started");
        Command(projects.MapPost("/{id:guid}/suspend", SuspendProjectEndpoint.Handle), "SuspendProject", "Suspend the project");
        Command(projects.MapPost("/{id:guid}/resume", ResumeProjectEndpoint.Handle), "ResumeProject", "Resume a suspended project");
        Command(projects.MapPost("/{id:guid}/complete", CompleteProjectEndpoint.Handle), "CompleteProject", "Record the project's completion");
        Command(projects.MapPost("/{id:guid}/close", CloseProjectEndpoint.Handle), "CloseProject", "Close the settled project (completed, final report received)");
        return app;
    }

    private static RouteHandlerBuilder Command(RouteHandlerBuilder endpoint, string name, string summary, string policy = ProjectAccess.Act) =>
        endpoint.RequireAuthorization(policy).WithName(name).WithSummary(summary)
            .Produces<ProjectDeskView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
