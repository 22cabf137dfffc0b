using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record RecordInspectionRequest(DateOnly? InspectedOn, IReadOnlyList<string?>? Team, string? Findings, string? Verdict);

/// <summary>An inspection team visited the project and gave its compliance verdict.</summary>
public sealed record RecordInspection(
    Guid InspectionId, DateOnly InspectedOn, IReadOnlyList<string> Team, string Findings, ComplianceVerdict Verdict, DateOnly Today)
{
    public static RecordInspection From(RecordInspectionRequest request, DateOnly today)
    {
        var check = new InputCheck();
        var inspectedOn = check.Date("inspectedOn", request.InspectedOn);
        var team = check.Lines("team", request.Team, max: 200);
        var findings = check.Paragraphs("findings", request.Findings);
        var verdict = check.OneOf<ComplianceVerdict>("verdict", request.Verdict);
        check.ThrowIfInvalid();
        return new RecordInspection(Guid.NewGuid(), inspectedOn!.Value, team, findings, verdict!.Value, today);
    }

    public static IReadOnlyList<object> Decide(RecordInspection command, MonitoredProject project)
    {
        ProjectRules.EnsureNotClosed(project);
        ProjectRules.EnsureNotInFuture(command.InspectedOn, command.Today, "inspectedOn");
        ProjectRules.EnsureNotBefore(command.InspectedOn, project.DecisionDate, "inspectedOn", ProjectRules.DecisionDate);
        if (project.Inspections.Any(i => i.InspectedOn == command.InspectedOn && i.Findings == command.Findings && i.Verdict == command.Verdict))
            throw new RuleViolation("inspection-already-recorded", new Bilingual(
                "Cuộc kiểm tra này (cùng ngày, kết luận và đánh giá) đã được ghi nhận.",
                "This inspection (same date, findings and verdict) is already recorded."));
        return [new InspectionRecorded(command.InspectionId, command.InspectedOn, command.Team, command.Findings, command.Verdict)];
    }
}

public static class RecordInspectionEndpoint
{
    public static async Task<Versioned<ProjectDeskView>> Handle(Guid id, RecordInspectionRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var command = RecordInspection.From(request, clock.VietnamToday());
        return await session.RunAsync<MonitoredProject, ProjectDeskView>(http, id, project => RecordInspection.Decide(command, project),
            d => ProjectView.ReadAsync(session, id, d.Version, command.Today), ProjectAccess.Sees(Actor.From(http.User)), ProjectAccess.What);
    }
}
