using Aid.Contracts.Monitoring;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record SuspendProjectRequest(string? Reason);

public sealed record SuspendProject(string Reason, DateOnly Today);

/// <summary>Monitoring stops the project (e.g. after a non-compliant inspection) until it is resumed.</summary>
public static class SuspendProjectCommand
{
    public static IReadOnlyList<object> Decide(SuspendProject command, MonitoredProject project)
    {
        if (project.Status is not (MonitoringStatus.AwaitingImplementation or MonitoringStatus.Implementing))
            throw new RuleViolation("cannot-suspend", new Bilingual(
                $"Không thể tạm dừng dự án ở trạng thái: {ProjectView.Label(project.Status).Vi}.",
                $"A project cannot be suspended while: {ProjectView.Label(project.Status).En}."));
        return [new ProjectSuspended(project.ReceiptCode, command.Reason, command.Today)];
    }

    public static Task<IResult> Handle(Guid id, SuspendProjectRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var reason = InputCheck.Validated(check => check.Paragraphs("reason", request.Reason));
        var command = new SuspendProject(reason, clock.VietnamToday());
        return ProjectAccess.DecideAsync(session, http, id, project => Decide(command, project));
    }
}
