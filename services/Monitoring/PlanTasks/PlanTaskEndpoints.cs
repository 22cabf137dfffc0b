namespace Aid.Monitoring.PlanTasks;

public static class PlanTaskEndpoints
{
    public static IEndpointRouteBuilder MapPlanTasks(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/plan-tasks").WithTags("PlanTasks")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        tasks.MapGet("/", PlanTaskQueries.List).RequireAuthorization(PlanTaskAccess.Read)
            .WithName("ListPlanTasks").WithSummary("The plan's tasks of a year with each agency's progress and who is late")
            .Produces<IReadOnlyList<PlanTaskView>>().ProducesValidationProblem();
        tasks.MapGet("/{id:guid}", PlanTaskQueries.Get).RequireAuthorization(PlanTaskAccess.Read)
            .WithName("GetPlanTask").WithSummary("One task of the plan").Produces<PlanTaskView>().ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapPost("/", CreatePlanTaskEndpoint.Handle).RequireAuthorization(PlanTaskAccess.Manage)
            .WithName("CreatePlanTask").WithSummary("Put a task of the plan on record (Sở Ngoại vụ)")
            .Produces<PlanTaskView>(StatusCodes.Status201Created).ProducesValidationProblem();
        Command(tasks.MapPost("/{id:guid}/progress", ReportPlanTaskProgressEndpoint.Handle), "ReportPlanTaskProgress", "Report the caller's agency's progress on the task");
        Command(tasks.MapPost("/{id:guid}/contribution", WritePlanTaskContributionEndpoint.Handle), "WritePlanTaskContribution",
            "Write the caller's agency's part of the narrative report");
        return app;
    }

    private static void Command(RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.RequireAuthorization(PlanTaskAccess.Update).WithName(name).WithSummary(summary)
            .Produces<PlanTaskView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
