using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record SuspendProjectRequest(string? Reason);

/// <summary>Monitoring stops the project (e.g. after a non-compliant inspection) until it is resumed.</summary>
public sealed record SuspendProject(string Reason, DateOnly Today)
{
    public static SuspendProject From(SuspendProjectRequest request, DateOnly today) =>
        new(InputCheck.Validated(check => check.Paragraphs("reason", request.Reason)), today);

    public static IReadOnlyList<object> Decide(SuspendProject command, MonitoredProject project)
    {
        if (project.Status is not (MonitoringStatus.AwaitingImplementation or MonitoringStatus.Implementing))
            throw new RuleViolation("cannot-suspend", new Bilingual(
                $"Không thể tạm dừng dự án ở trạng thái: {ProjectView.Label(project.Status).Vi}.",
                $"A project cannot be suspended while: {ProjectView.Label(project.Status).En}."));
        return [new ProjectSuspended(project.ReceiptCode, command.Reason, command.Today)];
    }
}

public static class SuspendProjectEndpoint
{
    public static async Task<Versioned<ProjectDeskView>> Handle(Guid id, SuspendProjectRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var command = SuspendProject.From(request, clock.VietnamToday());
        return await session.RunAsync<MonitoredProject, ProjectDeskView>(http, id, project => SuspendProject.Decide(command, project),
            d => ProjectView.ReadAsync(session, id, d.Version, command.Today), ProjectAccess.Sees(Actor.From(http.User)), ProjectAccess.What);
    }
}
