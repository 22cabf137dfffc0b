using Aid.Contracts.Monitoring;

namespace Aid.Monitoring.Projects;

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
    DateTimeOffset StartedAt)
{
    /// <summary>The approved dossier's summary, for the IATI export and recognition (missing before 2026-11).</summary>
    public ApprovedSummary Summary { get; init; } = ApprovedSummary.Unknown;
}

/// <summary>What the approved dossier said of the NGO and the aid, as the decision passed it on.</summary>
public sealed record ApprovedSummary
{
    public static readonly ApprovedSummary Unknown = new();
    public string? NgoName { get; init; }
    public string? NgoCountry { get; init; }
    public string? TitleEn { get; init; }
    public string? AidKind { get; init; }
    public IReadOnlyList<string> Fields { get; init; } = [];
    public IReadOnlyList<string> Locations { get; init; } = [];
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public string? Objectives { get; init; }
    public Guid? CatalogueEntryId { get; init; }
}

public sealed record AidTrancheReceived(Guid TrancheId, decimal Amount, string Currency, DateOnly ReceivedOn, string? Note)
{
    /// <summary>Set from 2026-11 on, so the relay can publish AidReceived without reading the project.</summary>
    public string? ReceiptCode { get; init; }
    public decimal? AmountVnd { get; init; }
}

public sealed record ProgressReportReceived(string ReportKey, DateOnly ReceivedOn, string Summary, bool OnTime, bool SubmittedByNgo);

/// <summary>A file attached to a scheduled report before it is filed (stored under the project's id; hashed here).</summary>
public sealed record ReportAttachmentUploaded(
    string ReportKey, Guid FileId, string Name, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

public sealed record InspectionRecorded(
    Guid InspectionId, DateOnly InspectedOn, IReadOnlyList<string> Team, string Findings, ComplianceVerdict Verdict);

public sealed record ImplementationStarted(string ReceiptCode, DateOnly StartedOn);

public sealed record ProjectSuspended(string ReceiptCode, string Reason, DateOnly SuspendedOn);

public sealed record ProjectResumed(string ReceiptCode, string? Note, DateOnly ResumedOn);

public sealed record ProjectCompleted(string ReceiptCode, DateOnly CompletedOn);

public sealed record ProjectClosed(string ReceiptCode, DateOnly ClosedOn, string SettlementNote);

public sealed record ProgressReportBecameOverdue(string ReportKey, DateOnly DueDate, DateOnly FlaggedOn);

public sealed record ImplementationDelayFlagged(DateOnly DecisionDate, DateOnly DueBy, DateOnly FlaggedOn);
