using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using Aid.ServiceDefaults.Desks;

namespace Aid.Monitoring.Projects;

public sealed record ReportSlot(
    string Key, ReportKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate,
    DateOnly? ReceivedOn = null, string? Summary = null, bool? OnTime = null, bool SubmittedByNgo = false,
    bool FlaggedOverdue = false)
{
    /// <summary>The files attached to the report (by the NGO filing it, or the officer recording it).</summary>
    public IReadOnlyList<ReportAttachment> Attachments { get; init; } = [];
    public bool Received => ReceivedOn is not null;
    public bool IsOverdueOn(DateOnly today) => !Received && today > DueDate;
}

public sealed record ReportAttachment(Guid Id, string Name, string ContentType, long SizeBytes, string Sha256);

public sealed record Tranche(Guid Id, decimal Amount, string Currency, DateOnly ReceivedOn, string? Note)
{
    public decimal? AmountVnd { get; init; }
}

public sealed record Inspection(Guid Id, DateOnly InspectedOn, IReadOnlyList<string> Team, string Findings, ComplianceVerdict Verdict);

/// <summary>An approved project under monitoring; its stream id is the dossier id.</summary>
public sealed record MonitoredProject(
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
    IReadOnlyList<ReportSlot> Reports,
    IReadOnlyList<Tranche> Tranches,
    IReadOnlyList<Inspection> Inspections,
    DateOnly ImplementationDueBy,
    DateTimeOffset MonitoringStartedAt,
    MonitoringStatus? StatusBeforeSuspension = null,
    string? SuspensionReason = null,
    DateOnly? ImplementationStartedOn = null,
    DateOnly? CompletedOn = null,
    DateOnly? ClosedOn = null,
    string? SettlementNote = null,
    bool ImplementationDelayed = false) : IQueued
{
    public ApprovedSummary Summary { get; init; } = ApprovedSummary.Unknown;

    /// <summary>The report the project owes first (overdue or due next), while it is monitored.</summary>
    public ReportSlot? PendingReport() => Status == MonitoringStatus.Closed ? null
        : Reports.Where(r => !r.Received).OrderBy(r => r.DueDate).FirstOrDefault();

    // The work queue's fields, stored with the document so the queue is queried in the database (ProjectQueue).
    public string? QueueNgo => Summary.NgoName;
    public string? QueueAidKind => Summary.AidKind;
    public WorkStage? QueueStage => PendingReport() is null ? null : WorkStage.ProgressReport;
    public DateOnly? QueueDue => PendingReport()?.DueDate;
    public string QueueSearch => Searchable.Of(ReceiptCode, Summary.NgoName, Title);

    public static MonitoredProject Create(ProjectMonitoringStarted e) => new(
        e.DossierId, e.ReceiptCode, e.NgoId, e.Title, e.AmountVnd, e.StartDate, e.EndDate, e.DecisionNumber,
        e.DecisionDate, e.Signer, e.Conditions, MonitoringStatus.AwaitingImplementation,
        e.Schedule.Select(r => new ReportSlot(r.Key, r.Kind, r.PeriodStart, r.PeriodEnd, r.DueDate)).ToList(),
        [], [], e.ImplementationDueBy, e.StartedAt)
    {
        Summary = e.Summary ?? ApprovedSummary.Unknown,
    };

    /// <summary>
    /// A tranche's value in VND: VND is itself; the approved dossier's currency converts at the approved rate
    /// (AmountVnd / Amount), rounded to the dong; any other currency, or an unknown rate, gives null.
    /// </summary>
    public decimal? InVnd(decimal amount, string currency) =>
        InVnd(amount, currency, Summary.Amount, Summary.Currency, AmountVnd);

    /// <summary>The rule of <see cref="InVnd(decimal, string)"/>, for whoever holds the approved figures elsewhere.</summary>
    public static decimal? InVnd(decimal amount, string currency, decimal? approvedAmount, string? approvedCurrency, decimal? approvedVnd)
    {
        if (string.Equals(currency, "VND", StringComparison.OrdinalIgnoreCase))
            return amount;
        if (approvedVnd is not { } vnd || approvedAmount is not { } approved || approved <= 0
            || !string.Equals(currency, approvedCurrency, StringComparison.OrdinalIgnoreCase))
            return null;
        return Math.Round(amount * vnd / approved, 0, MidpointRounding.AwayFromZero);
    }

    public ReportSlot? Report(string key) => Reports.FirstOrDefault(r => r.Key == key);

    public MonitoredProject Apply(AidTrancheReceived e) =>
        this with { Tranches = [.. Tranches, new Tranche(e.TrancheId, e.Amount, e.Currency, e.ReceivedOn, e.Note) { AmountVnd = e.AmountVnd }] };

    public MonitoredProject Apply(ProgressReportReceived e) => WithReport(e.ReportKey, r =>
        r with { ReceivedOn = e.ReceivedOn, Summary = e.Summary, OnTime = e.OnTime, SubmittedByNgo = e.SubmittedByNgo });

    public MonitoredProject Apply(ReportAttachmentUploaded e) => WithReport(e.ReportKey, r =>
        r with { Attachments = [.. r.Attachments, new ReportAttachment(e.FileId, e.Name, e.ContentType, e.SizeBytes, e.Sha256)] });

    public MonitoredProject Apply(InspectionRecorded e) => this with
    {
        Inspections = [.. Inspections, new Inspection(e.InspectionId, e.InspectedOn, e.Team, e.Findings, e.Verdict)],
    };

    public MonitoredProject Apply(ImplementationStarted e) => this with
    {
        ImplementationStartedOn = e.StartedOn,
        Status = MonitoringStatus.Implementing,
    };

    public MonitoredProject Apply(ProjectSuspended e) =>
        this with { StatusBeforeSuspension = Status, Status = MonitoringStatus.Suspended, SuspensionReason = e.Reason };

    public MonitoredProject Apply(ProjectResumed e) => this with
    {
        Status = StatusBeforeSuspension ?? MonitoringStatus.Implementing,
        StatusBeforeSuspension = null,
        SuspensionReason = null,
    };

    public MonitoredProject Apply(ProjectCompleted e) => this with { Status = MonitoringStatus.Completed, CompletedOn = e.CompletedOn };

    public MonitoredProject Apply(ProjectClosed e) =>
        this with { Status = MonitoringStatus.Closed, ClosedOn = e.ClosedOn, SettlementNote = e.SettlementNote };

    public MonitoredProject Apply(ProgressReportBecameOverdue e) => WithReport(e.ReportKey, r => r with { FlaggedOverdue = true });

    public MonitoredProject Apply(ImplementationDelayFlagged e) => this with { ImplementationDelayed = true };

    private MonitoredProject WithReport(string key, Func<ReportSlot, ReportSlot> change) =>
        this with { Reports = Reports.Select(r => r.Key == key ? change(r) : r).ToList() };
}
