using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record CloseProjectRequest(DateOnly? ClosedOn, string? SettlementNote);

/// <summary>
/// The project is settled and monitoring ends. Rule: the project must be completed and its final report received;
/// the closing date is on or after the completion date. Periodic reports still missing do not block closure (the
/// final report covers the whole project) but stay on record as never received.
/// </summary>
public sealed record CloseProject(DateOnly ClosedOn, string SettlementNote, DateOnly Today)
{
    public static CloseProject From(CloseProjectRequest request, DateOnly today)
    {
        var check = new InputCheck();
        var closedOn = check.Date("closedOn", request.ClosedOn);
        var settlementNote = check.Paragraphs("settlementNote", request.SettlementNote);
        check.ThrowIfInvalid();
        return new CloseProject(closedOn!.Value, settlementNote, today);
    }

    public static IReadOnlyList<object> Decide(CloseProject command, MonitoredProject project)
    {
        if (project.Status != MonitoringStatus.Completed)
            throw new RuleViolation("not-completed", new Bilingual(
                $"Chỉ kết thúc dự án đã hoàn thành (trạng thái hiện tại: {ProjectView.Label(project.Status).Vi}).",
                $"Only a completed project can be closed (now: {ProjectView.Label(project.Status).En})."));
        if (project.Report(ReportingSchedule.FinalKey) is not { Received: true })
            throw new RuleViolation("final-report-missing", new Bilingual(
                "Chưa nhận báo cáo kết thúc dự án.", "The final report has not been received."));
        ProjectRules.EnsureNotInFuture(command.ClosedOn, command.Today, "closedOn");
        ProjectRules.EnsureNotBefore(command.ClosedOn, project.CompletedOn!.Value, "closedOn",
            new Bilingual("ngày hoàn thành", "the completion date"));
        return [new ProjectClosed(project.ReceiptCode, command.ClosedOn, command.SettlementNote)];
    }
}

public static class CloseProjectEndpoint
{
    public static async Task<Versioned<ProjectDeskView>> Handle(Guid id, CloseProjectRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var command = CloseProject.From(request, clock.VietnamToday());
        return await session.RunAsync<MonitoredProject, ProjectDeskView>(http, id, project => CloseProject.Decide(command, project),
            d => ProjectView.ReadAsync(session, id, d.Version, command.Today), ProjectAccess.Sees(Actor.From(http.User)), ProjectAccess.What);
    }
}
