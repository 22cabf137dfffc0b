using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record CompleteProjectRequest(DateOnly? CompletedOn);

/// <summary>Implementation finished. Only a project being implemented (started, not suspended) can complete.</summary>
public sealed record CompleteProject(DateOnly CompletedOn, DateOnly Today)
{
    public static CompleteProject From(CompleteProjectRequest request, DateOnly today) =>
        new(InputCheck.Validated(check => check.Date("completedOn", request.CompletedOn))!.Value, today);

    public static IReadOnlyList<object> Decide(CompleteProject command, MonitoredProject project)
    {
        if (project.Status != MonitoringStatus.Implementing)
            throw new RuleViolation("cannot-complete", new Bilingual(
                $"Chỉ dự án đang triển khai mới có thể hoàn thành (trạng thái hiện tại: {ProjectView.Label(project.Status).Vi}).",
                $"Only a project being implemented can be completed (now: {ProjectView.Label(project.Status).En})."));
        ProjectRules.EnsureNotInFuture(command.CompletedOn, command.Today, "completedOn");
        ProjectRules.EnsureNotBefore(command.CompletedOn, project.ImplementationStartedOn!.Value, "completedOn",
            new Bilingual("ngày bắt đầu triển khai", "the implementation start date"));
        return [new ProjectCompleted(project.ReceiptCode, command.CompletedOn)];
    }
}

public static class CompleteProjectEndpoint
{
    public static async Task<Versioned<ProjectDeskView>> Handle(Guid id, CompleteProjectRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var command = CompleteProject.From(request, clock.VietnamToday());
        return await session.RunAsync<MonitoredProject, ProjectDeskView>(http, id, project => CompleteProject.Decide(command, project),
            d => ProjectView.ReadAsync(session, id, d.Version, command.Today), ProjectAccess.Sees(Actor.From(http.User)), ProjectAccess.What);
    }
}
