namespace Aid.Registration.Mobilisation;

public static class MobilisationEndpoints
{
    public static IEndpointRouteBuilder MapMobilisation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/mobilisation/plans").WithTags("Aid mobilisation plan");
        group.MapPut("/{year:int}", AdoptPlanEndpoint.Handle).WithName("AdoptMobilisationPlan")
            .WithSummary("Adopt or revise the year's plan: priority sectors with a target amount each (Sở Ngoại vụ)")
            .RequireAuthorization(MobilisationAccess.Adopt)
            .Produces<PlanChanged>().ProducesProblem(400).ProducesProblem(409);
        group.MapGet("/{year:int}", PlanProgress.GetPlan).WithName("GetMobilisationPlan")
            .WithSummary("The year's plan as adopted")
            .RequireAuthorization(MobilisationAccess.Read)
            .Produces<MobilisationPlan>().ProducesProblem(404);
        group.MapGet("/{year:int}/progress", PlanProgress.Get).WithName("GetMobilisationProgress")
            .WithSummary("Target, committed and received aid per sector for the year")
            .RequireAuthorization(MobilisationAccess.Read)
            .Produces<PlanProgressView>();
        return app;
    }
}
