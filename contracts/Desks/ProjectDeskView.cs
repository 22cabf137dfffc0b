using Aid.Contracts.Monitoring;

namespace Aid.Contracts.Desks;

/// <summary>
/// An approved project under Sở Ngoại vụ's monitoring (Monitoring's GET /projects/{id}), as the monitoring desk and the
/// NGO's own dossier page read it: the decision, the dates, the reporting schedule and the report owed next, the aid
/// tranches received, the inspections, the flags that need attention today and the version (the next If-Match).
/// Flags: report-overdue, implementation-delayed, suspended, non-compliant.
/// </summary>
public sealed record ProjectDeskView(
    Guid Id, string ReceiptCode, Guid NgoId, string Title, decimal? AmountVnd, MonitoringStatus Status,
    ProjectDecisionFacts Decision, ProjectDates Dates, IReadOnlyList<ProjectReport> Reports, ProjectReport? NextReport,
    IReadOnlyList<ProjectTranche> Tranches, IReadOnlyDictionary<string, decimal> ReceivedByCurrency,
    IReadOnlyList<ProjectInspection> Inspections, IReadOnlyList<string> Flags, long Version)
{
    /// <summary>Why the project is suspended, while it is.</summary>
    public ProjectSuspension? Suspension { get; init; }

    /// <summary>The settlement, once the aid is closed.</summary>
    public ProjectClosure? Closure { get; init; }
}

/// <summary>The approval decision: its number, date, signer and the public conditions it sets.</summary>
public sealed record ProjectDecisionFacts(string Number, DateOnly Date, string? Signer, IReadOnlyList<string> Conditions);

/// <summary>The approved period, by when implementation must start, and when it started and was completed.</summary>
public sealed record ProjectDates(
    DateOnly StartDate, DateOnly EndDate, DateOnly ImplementationDueBy, DateOnly? ImplementationStartedOn, DateOnly? CompletedOn);

/// <summary>
/// A scheduled report (key e.g. 2027-H1, 2027, final): the period it covers, its due date and, once received, when,
/// whether on time and whether the NGO filed it itself; overdue while not received after its due date.
/// </summary>
public sealed record ProjectReport(
    string Key, ReportKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate,
    DateOnly? ReceivedOn, string? Summary, bool? OnTime, bool SubmittedByNgo, bool Overdue, bool FlaggedOverdue)
{
    public IReadOnlyList<ReportFile> Attachments { get; init; } = [];
}

/// <summary>A file attached to a report (downloaded through Monitoring, which decides who may read it).</summary>
public sealed record ReportFile(Guid Id, string Name, string ContentType, long SizeBytes, string Sha256);

/// <summary>A tranche of aid received, in its currency and, where the approved rate gives it, in VND.</summary>
public sealed record ProjectTranche(Guid Id, decimal Amount, string Currency, DateOnly ReceivedOn, string? Note, decimal? AmountVnd);

public sealed record ProjectInspection(Guid Id, DateOnly InspectedOn, IReadOnlyList<string> Team, string Findings, ComplianceVerdict Verdict);

public sealed record ProjectSuspension(string Reason);

public sealed record ProjectClosure(DateOnly ClosedOn, string SettlementNote);
