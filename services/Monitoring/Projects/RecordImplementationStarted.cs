using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record RecordImplementationStartedRequest(DateOnly? StartedOn);

/// <summary>The approved project started to be implemented on the ground.</summary>
public sealed record RecordImplementationStarted(DateOnly StartedOn, DateOnly Today)
{
    public static RecordImplementationStarted From(RecordImplementationStartedRequest request, DateOnly today) =>
        new(InputCheck.Validated(check => check.Date("startedOn", request.StartedOn))!.Value, today);

    public static IReadOnlyList<object> Decide(RecordImplementationStarted command, MonitoredProject project)
    {
        if (project.Status != MonitoringStatus.AwaitingImplementation)
            throw new RuleViolation("implementation-already-started", new Bilingual(
                $"Chỉ ghi nhận bắt đầu triển khai cho dự án chưa triển khai (trạng thái hiện tại: {ProjectView.Label(project.Status).Vi}).",
                $"Implementation can be recorded as started only for a project not yet implemented (now: {ProjectView.Label(project.Status).En})."));
        ProjectRules.EnsureNotInFuture(command.StartedOn, command.Today, "startedOn");
        ProjectRules.EnsureNotBefore(command.StartedOn, project.DecisionDate, "startedOn", ProjectRules.DecisionDate);
        return [new ImplementationStarted(project.ReceiptCode, command.StartedOn)];
    }
}

public static class RecordImplementationStartedEndpoint
{
    public static async Task<Versioned<ProjectDeskView>> Handle(Guid id, RecordImplementationStartedRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var command = RecordImplementationStarted.From(request, clock.VietnamToday());
        return await session.RunAsync<MonitoredProject, ProjectDeskView>(http, id, project => RecordImplementationStarted.Decide(command, project),
            d => ProjectView.ReadAsync(session, id, d.Version, command.Today), ProjectAccess.Sees(Actor.From(http.User)), ProjectAccess.What);
    }
}
