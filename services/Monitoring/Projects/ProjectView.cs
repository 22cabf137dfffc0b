using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Projects;

/// <summary>What a reader sees of a monitored project (the shared desk record), with the flags that need attention today.</summary>
public static class ProjectView
{
    public static ProjectDeskView Of(MonitoredProject p, long version, DateOnly today)
    {
        var reports = p.Reports.Select(r => new ProjectReport(r.Key, r.Kind, r.PeriodStart, r.PeriodEnd, r.DueDate,
            r.ReceivedOn, r.Summary, r.OnTime, r.SubmittedByNgo, r.IsOverdueOn(today), r.FlaggedOverdue)
        {
            Attachments = r.Attachments.Select(a => new ReportFile(a.Id, a.Name, a.ContentType, a.SizeBytes, a.Sha256)).ToList(),
        }).ToList();
        return new ProjectDeskView(p.Id, p.ReceiptCode, p.NgoId, p.Title, p.AmountVnd, p.Status,
            new ProjectDecisionFacts(p.DecisionNumber, p.DecisionDate, p.Signer, p.Conditions),
            new ProjectDates(p.StartDate, p.EndDate, p.ImplementationDueBy, p.ImplementationStartedOn, p.CompletedOn),
            reports, reports.Where(r => r.ReceivedOn is null).OrderBy(r => r.DueDate).FirstOrDefault(),
            p.Tranches.Select(t => new ProjectTranche(t.Id, t.Amount, t.Currency, t.ReceivedOn, t.Note, t.AmountVnd)).ToList(),
            p.Tranches.GroupBy(t => t.Currency).ToDictionary(g => g.Key, g => g.Sum(t => t.Amount)),
            p.Inspections.Select(i => new ProjectInspection(i.Id, i.InspectedOn, i.Team, i.Findings, i.Verdict)).ToList(),
            FlagsOf(p, today), version)
        {
            Suspension = p.SuspensionReason is { } reason ? new ProjectSuspension(reason) : null,
            Closure = p is { ClosedOn: { } closed, SettlementNote: { } note } ? new ProjectClosure(closed, note) : null,
        };
    }

    /// <summary>The project as a command left it: its inline snapshot, read back in the command's session.</summary>
    public static async Task<ProjectDeskView> ReadAsync(IQuerySession session, Guid id, long version, DateOnly today) =>
        Of((await session.LoadAsync<MonitoredProject>(id))!, version, today);

    public static IReadOnlyList<string> FlagsOf(MonitoredProject p, DateOnly today)
    {
        var flags = new List<string>();
        if (p.Status == MonitoringStatus.Closed) return flags;
        if (p.Reports.Any(r => r.IsOverdueOn(today))) flags.Add("report-overdue");
        if (p.ImplementationDelayed && p.ImplementationStartedOn is null && p.Tranches.Count == 0) flags.Add("implementation-delayed");
        if (p.Status == MonitoringStatus.Suspended) flags.Add("suspended");
        if (p.Inspections.LastOrDefault()?.Verdict == ComplianceVerdict.NonCompliant) flags.Add("non-compliant");
        return flags;
    }

    public static Bilingual Label(MonitoringStatus status) => status switch
    {
        MonitoringStatus.AwaitingImplementation => new("Đã phê duyệt, chưa triển khai", "Approved, not yet implemented"),
        MonitoringStatus.Implementing => new("Đang triển khai", "Implementing"),
        MonitoringStatus.Suspended => new("Tạm dừng", "Suspended"),
        MonitoringStatus.Completed => new("Đã hoàn thành", "Completed"),
        _ => new("Đã kết thúc, quyết toán xong", "Closed, settled"),
    };
}
