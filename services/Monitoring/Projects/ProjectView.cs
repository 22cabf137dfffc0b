using Aid.ServiceDefaults.Problems;

namespace Aid.Monitoring.Projects;

public sealed record ReportView(
    string Key, ReportKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate,
    DateOnly? ReceivedOn, string? Summary, bool? OnTime, bool SubmittedByNgo, bool Overdue, bool FlaggedOverdue)
{
    public IReadOnlyList<ReportAttachment> Attachments { get; init; } = [];
}

/// <summary>What a reader sees of a monitored project, with the flags that need attention today.</summary>
public sealed record ProjectView(
    Guid Id,
    string ReceiptCode,
    Guid NgoId,
    string Title,
    decimal? AmountVnd,
    DateOnly StartDate,
    DateOnly EndDate,
    string DecisionNumber,
    DateOnly DecisionDate,
    string? Signer,
    IReadOnlyList<string> Conditions,
    MonitoringStatus Status,
    Bilingual StatusLabel,
    string? SuspensionReason,
    DateOnly? ImplementationStartedOn,
    DateOnly ImplementationDueBy,
    DateOnly? CompletedOn,
    DateOnly? ClosedOn,
    string? SettlementNote,
    IReadOnlyList<ReportView> Reports,
    ReportView? NextReport,
    IReadOnlyList<Tranche> Tranches,
    IReadOnlyDictionary<string, decimal> ReceivedByCurrency,
    IReadOnlyList<Inspection> Inspections,
    IReadOnlyList<string> Flags,
    long Version)
{
    public static ProjectView Of(MonitoredProject p, long version, DateOnly today)
    {
        var reports = p.Reports.Select(r => new ReportView(r.Key, r.Kind, r.PeriodStart, r.PeriodEnd, r.DueDate,
            r.ReceivedOn, r.Summary, r.OnTime, r.SubmittedByNgo, r.IsOverdueOn(today), r.FlaggedOverdue) { Attachments = r.Attachments }).ToList();
        return new ProjectView(p.Id, p.ReceiptCode, p.NgoId, p.Title, p.AmountVnd, p.StartDate, p.EndDate,
            p.DecisionNumber, p.DecisionDate, p.Signer, p.Conditions, p.Status, Label(p.Status), p.SuspensionReason,
            p.ImplementationStartedOn, p.ImplementationDueBy, p.CompletedOn, p.ClosedOn, p.SettlementNote, reports,
            reports.Where(r => r.ReceivedOn is null).OrderBy(r => r.DueDate).FirstOrDefault(),
            p.Tranches, p.Tranches.GroupBy(t => t.Currency).ToDictionary(g => g.Key, g => g.Sum(t => t.Amount)),
            p.Inspections, FlagsOf(p, today), version);
    }

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
