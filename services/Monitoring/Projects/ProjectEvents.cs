namespace Aid.Monitoring.Projects;

public enum ReportKind { SixMonthly, Annual, Final }

/// <summary>One report the project owes: the period it covers and when it is due.</summary>
public sealed record ScheduledReport(string Key, ReportKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate);

public sealed record ProjectMonitoringStarted(
    Guid DossierId,
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
    IReadOnlyList<ScheduledReport> Schedule,
    DateOnly ImplementationDueBy,
    DateTimeOffset StartedAt);

public sealed record AidTrancheReceived(Guid TrancheId, decimal Amount, string Currency, DateOnly ReceivedOn, string? Note);

public sealed record ProgressReportReceived(string ReportKey, DateOnly ReceivedOn, string Summary, bool OnTime, bool SubmittedByNgo);

public enum ComplianceVerdict { Compliant, MinorIssues, NonCompliant }

public sealed record InspectionRecorded(
    Guid InspectionId, DateOnly InspectedOn, IReadOnlyList<string> Team, string Findings, ComplianceVerdict Verdict);

public sealed record ImplementationStarted(string ReceiptCode, DateOnly StartedOn);

public sealed record ProjectSuspended(string ReceiptCode, string Reason, DateOnly SuspendedOn);

public sealed record ProjectResumed(string ReceiptCode, string? Note, DateOnly ResumedOn);

public sealed record ProjectCompleted(string ReceiptCode, DateOnly CompletedOn);

public sealed record ProjectClosed(string ReceiptCode, DateOnly ClosedOn, string SettlementNote);

public sealed record ProgressReportBecameOverdue(string ReportKey, DateOnly DueDate, DateOnly FlaggedOn);

public sealed record ImplementationDelayFlagged(DateOnly DecisionDate, DateOnly DueBy, DateOnly FlaggedOn);
