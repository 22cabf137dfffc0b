using Aid.Contracts.Monitoring;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record RecordImplementationStartedRequest(DateOnly? StartedOn);

public sealed record RecordImplementationStarted(DateOnly StartedOn, DateOnly Today);

/// <summary>The approved project started to be implemented on the ground.</summary>
public static class RecordImplementationStartedCommand
{
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

    public static Task<IResult> Handle(Guid id, RecordImplementationStartedRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var startedOn = InputCheck.Validated(check => check.Date("startedOn", request.StartedOn));
        var command = new RecordImplementationStarted(startedOn!.Value, clock.VietnamToday());
        return ProjectAccess.DecideAsync(session, http, id, project => Decide(command, project));
    }
}
