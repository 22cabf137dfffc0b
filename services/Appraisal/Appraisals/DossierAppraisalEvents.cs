using Aid.Contracts.Appraisal;
using Aid.Contracts.Security;
using Aid.Domain.Calendar;

namespace Aid.Appraisal.Appraisals;

/// <summary>The public summary of the dossier, as intake accepted it.</summary>
public sealed record DossierSummary(
    Guid NgoId,
    string? NgoName,
    string? Title,
    string AidKind,
    IReadOnlyList<string> SensitiveAreas,
    IReadOnlyList<string> Fields,
    decimal? Amount,
    string? Currency,
    decimal? AmountVnd,
    DateOnly? StartDate,
    DateOnly? EndDate)
{
    /// <summary>Missing on summaries recorded before 2026-11.</summary>
    public IReadOnlyList<string> Locations { get; init; } = [];
    public string? NgoCountry { get; init; }
    public string? Objectives { get; init; }
    public Guid? CatalogueEntryId { get; init; }
    public string? TitleEn { get; init; }
    /// <summary>Who decides, as intake classified the dossier (absent on summaries recorded before 2026-12).</summary>
    public Aid.Contracts.Registration.DossierClassification? Classification { get; init; }
}

public sealed record DossierSummaryReceived(Guid DossierId, string ReceiptCode, DossierSummary Summary, DateTimeOffset ReceivedAt);

public sealed record SecurityConclusionReceived(
    Guid DossierId, string ReceiptCode, SecurityVerdict Verdict, IReadOnlyList<string> PublicConditions, DateTimeOffset ReceivedAt);

/// <summary>Security has concluded and the summary is known: Sở Tài chính's clock starts.</summary>
public sealed record AppraisalOpened(Guid DossierId, string ReceiptCode, DateOnly OpenedOn, DateOnly DueDate);

public sealed record OpinionsRequested(Guid DossierId, IReadOnlyList<string> Departments, DateOnly RequestedOn, DateOnly DueDate);

public sealed record OpinionRecorded(
    Guid DossierId, string Department, DateOnly OpinionDate, string Text, OpinionStance Stance, DateOnly RecordedOn);

public sealed record AppraisalReportIssued(
    Guid DossierId,
    string ReceiptCode,
    Recommendation Recommendation,
    IReadOnlyList<string> Conditions,
    string? Reasons,
    DateOnly IssuedOn,
    DateOnly DecisionDueDate)
{
    /// <summary>The appraisal stage the report ends: opened on and due by (missing on reports before 2026-11).</summary>
    public DateOnly? OpenedOn { get; init; }
    public DateOnly? DueDate { get; init; }
}

/// <summary>UBND tỉnh approves despite the security objection; the reason is part of the record.</summary>
public sealed record SecurityObjectionOverridden(Guid DossierId, string Reason, DateOnly RecordedOn);

public sealed record DossierApproved(
    Guid DossierId,
    string ReceiptCode,
    string DecisionNumber,
    DateOnly DecisionDate,
    string Signer,
    IReadOnlyList<string> Conditions,
    DateOnly DecidedOn,
    DossierSummary Summary)
{
    /// <summary>The decision stage's due date (missing on decisions recorded before 2026-11).</summary>
    public DateOnly? DecisionDueDate { get; init; }
}

public sealed record DossierRefused(Guid DossierId, string ReceiptCode, string Reasons, DateOnly DecidedOn, DossierSummary Summary)
{
    public DateOnly? DecisionDueDate { get; init; }
}

public sealed record DossierForwardedToPrimeMinister(
    Guid DossierId, string ReceiptCode, string Grounds, string? Note, DateOnly ForwardedOn, DossierSummary Summary)
{
    public DateOnly? DecisionDueDate { get; init; }
}

/// <summary>
/// The Prime Minister decided a forwarded dossier; UBND tỉnh records the decision document. The province's
/// decision clock stopped at forwarding, so this decision has no provincial due date.
/// </summary>
public sealed record PrimeMinisterDecisionRecorded(
    Guid DossierId, string ReceiptCode, DecisionOutcome Outcome, string DocumentNumber, DateOnly DocumentDate,
    IReadOnlyList<string> Conditions, string? Reasons, DateOnly RecordedOn, DossierSummary Summary)
{
    /// <summary>The day UBND tỉnh forwarded the dossier: the province's clock stopped then (absent on events before 2026-12).</summary>
    public DateOnly? ForwardedOn { get; init; }
}

/// <summary>
/// UBND tỉnh attached the Prime Minister's decision document (its scan or PDF), kept on disk under its id; who attached it
/// is on the event's metadata. A later one, while the decision is not recorded yet, replaces it.
/// </summary>
public sealed record PrimeMinisterDocumentAttached(
    Guid DossierId, Guid DocumentId, string Name, string ContentType, long SizeBytes, string Sha256, DateTimeOffset AttachedAt);

/// <summary>Sở Tài chính (stage Appraisal) or UBND tỉnh (stage Decision) ran late and issued an apology slip with a new
/// due date (published as AppraisalApologyIssued).</summary>
public sealed record ApologySlipIssued(Guid DossierId, string ReceiptCode, Stage Stage, Aid.Contracts.Desks.ApologySlip Slip);

public sealed record StageBecameOverdue(Guid DossierId, Stage Stage, DateOnly DueDate, DateOnly FlaggedOn);

/// <summary>The NGO withdrew the dossier: the case closes, nothing more is done on it.</summary>
public sealed record AppraisalClosedByWithdrawal(Guid DossierId, string ReceiptCode, string Reason, DateTimeOffset ClosedAt);
