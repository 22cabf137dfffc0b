using Aid.Contracts.Monitoring;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record CompleteProjectRequest(DateOnly? CompletedOn);

public sealed record CompleteProject(DateOnly CompletedOn, DateOnly Today);

/// <summary>Implementation finished. Only a project being implemented (started, not suspended) can complete.</summary>
public static class CompleteProjectCommand
{
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

    public static Task<IResult> Handle(Guid id, CompleteProjectRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var completedOn = InputCheck.Validated(check => check.Date("completedOn", request.CompletedOn));
        var command = new CompleteProject(completedOn!.Value, clock.VietnamToday());
        return ProjectAccess.DecideAsync(session, http, id, project => Decide(command, project));
    }
}
