using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.PlanTasks;

public sealed record WritePlanTaskContributionRequest(string? Text);

/// <summary>An agency of the task writes its part of the narrative report (again: the latest text stands).</summary>
public sealed record WritePlanTaskContribution(string Agency, string Text, DateOnly Today)
{
    public static WritePlanTaskContribution From(WritePlanTaskContributionRequest request, Actor actor, DateOnly today) =>
        new(actor.Agency, InputCheck.Validated(check => check.Paragraphs("text", request.Text)), today);

    public static IReadOnlyList<object> Decide(WritePlanTaskContribution command, PlanTask task)
    {
        PlanTaskAccess.EnsureWorksOn(command.Agency, task);
        return [new PlanTaskContributionWritten(command.Agency, command.Text, command.Today)];
    }
}

public static class WritePlanTaskContributionEndpoint
{
    public static async Task<Versioned<PlanTaskView>> Handle(Guid id, WritePlanTaskContributionRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var command = WritePlanTaskContribution.From(request, Actor.From(http.User), clock.VietnamToday());
        return await session.RunAsync<PlanTask, PlanTaskView>(http, id, task => WritePlanTaskContribution.Decide(command, task),
            d => PlanTaskView.ReadAsync(session, id, d.Version, command.Today));
    }
}
