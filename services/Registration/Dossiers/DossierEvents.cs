using Aid.Contracts.Desks;
using Aid.Domain.Apologies;
using Aid.Domain.Calendar;

namespace Aid.Registration.Dossiers;

public enum AidKind { Programme, Project, NonProjectAid, EmergencyRelief }

public enum SensitiveArea
{
    Religion, Ethnicity, HumanRights, Democracy, DefenceBorder, Land, EnvironmentEnergyTransition, DataDigitalTransformation,
}

/// <summary>Amounts as stated by the NGO; <see cref="AmountVnd"/> = Amount x ExchangeRate.</summary>
public sealed record Budget(decimal Amount, string Currency, decimal ExchangeRate, decimal AmountVnd, decimal CounterpartFundingVnd);

/// <summary>An attached document's metadata; <see cref="Kind"/> names what it is (see RequiredDocuments).</summary>
public sealed record DossierDocument(string Kind, string Name, long SizeBytes, string Sha256);

public sealed record DossierContent(
    AidKind Kind,
    string Title,
    string AidOwner,
    string ManagingAgency,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> Locations,
    Budget Budget,
    DateOnly StartDate,
    DateOnly EndDate,
    string Objectives,
    string Beneficiaries,
    IReadOnlyList<DossierDocument> Documents,
    IReadOnlyList<SensitiveArea> SensitiveAreas)
{
    public string? TitleEn { get; init; }
}

public sealed record DossierSubmitted(
    Guid DossierId,
    Guid NgoId,
    string NgoName,
    DossierContent Content,
    string ReceiptCode,
    DateOnly ReceiptDate,
    DateOnly IntakeDueDate,
    DateOnly AppointmentDate,
    string LookupSecretHash,
    DateTimeOffset SubmittedAt)
{
    public string? NgoCountry { get; init; }
    /// <summary>The published catalogue entry (danh mục kêu gọi viện trợ) the dossier answers, if it cites one.</summary>
    public Guid? CatalogueEntryId { get; init; }
}

/// <summary>The intake officer listed everything missing, in one go; the intake clock stops.</summary>
public sealed record SupplementRequested(Guid DossierId, IReadOnlyList<string> MissingItems, string? Note, DateOnly RequestedOn, DateTimeOffset RequestedAt)
{
    /// <summary>By when the NGO should answer, when the officer named a date.</summary>
    public DateOnly? AnswerBy { get; init; }
    /// <summary>For the published contract (absent on requests recorded before 2026-12: those are not published).</summary>
    public string? ReceiptCode { get; init; }
    public Guid? NgoId { get; init; }
}

/// <summary>One item the intake officer asked for and what the NGO supplied for it.</summary>
public sealed record SupplementAnswer(string Item, DossierDocument? Document, string? Note);

/// <summary>The NGO supplied what was missing; the clock restarts and the dates move by the stopped working days.
/// <see cref="Answers"/>: what it supplied for each item asked for (none on resubmissions recorded before answers
/// were required); <see cref="AddedDocuments"/> are their documents.</summary>
public sealed record DossierResubmitted(
    Guid DossierId,
    IReadOnlyList<DossierDocument> AddedDocuments,
    string? Note,
    DateOnly ResubmittedOn,
    int StoppedWorkingDays,
    DateOnly IntakeDueDate,
    DateOnly AppointmentDate,
    DateTimeOffset ResubmittedAt)
{
    public IReadOnlyList<SupplementAnswer> Answers { get; init; } = [];
    /// <summary>For the published contract (absent on resubmissions recorded before 2026-12: those are not published).</summary>
    public string? ReceiptCode { get; init; }
    public Guid? NgoId { get; init; }
}

/// <summary>A file attached to the dossier, stored outside the web root under its id; the hash is computed here.</summary>
public sealed record DocumentUploaded(
    Guid DossierId, Guid DocumentId, string Kind, string Name, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

public sealed record DossierWithdrawn(Guid DossierId, string ReceiptCode, string Reason, DateTimeOffset WithdrawnAt)
{
    /// <summary>Whether it had passed intake (null on events before 2026-12).</summary>
    public bool? WasAccepted { get; init; }
}

/// <summary>Từ chối tiếp nhận: the intake officer refused to receive the dossier, with the reason in writing; it ends here.</summary>
public sealed record DossierReceiptRefused(
    Guid DossierId, string ReceiptCode, Guid NgoId, string Reason, string RefusedBy, DateOnly RefusedOn, DateTimeOffset RefusedAt);

/// <summary>A stage passed its due date without being finished (flagged once, as it happens).</summary>
public sealed record StageBecameOverdue(Guid DossierId, Stage Stage, DateOnly DueDate, DateOnly FlaggedOn);

/// <summary>Sở Ngoại vụ ran late on the intake check and issued an apology slip; the appointment date moved by
/// <see cref="WorkingDaysMoved"/> working days (published as IntakeApologyIssued).</summary>
public sealed record IntakeApologySlipIssued(Guid DossierId, string ReceiptCode, ApologySlip Slip, int WorkingDaysMoved, DateOnly AppointmentDate);

// What the other agencies published, recorded on the dossier for the NGO status view.
// SourceEventId is the integration event's id (the idempotency key).

public sealed record SecurityCheckConcluded(Guid DossierId, Guid SourceEventId, DateTimeOffset At);

public sealed record AppraisalStarted(Guid DossierId, Guid SourceEventId, DateOnly DueDate, DateTimeOffset At);

public sealed record AppraisalReportReceived(Guid DossierId, Guid SourceEventId, DateOnly DecisionDueDate, DateTimeOffset At);

public sealed record DecisionReceived(
    Guid DossierId, Guid SourceEventId, string Outcome, string? DecisionNumber, DateOnly? DecisionDate, DateTimeOffset At)
{
    /// <summary>The Prime Minister's decision on a dossier UBND tỉnh forwarded.</summary>
    public bool ByPrimeMinister { get; init; }
}

public sealed record MonitoringStarted(Guid DossierId, Guid SourceEventId, DateOnly FirstReportDue, DateTimeOffset At);

public sealed record ProjectStatusReceived(Guid DossierId, Guid SourceEventId, string Status, DateTimeOffset At);

/// <summary>Another agency's apology slip (Công an tỉnh; Sở Tài chính or UBND tỉnh): the stage's due date and the
/// appointment date move by the same working days. Stage: the public stage code (SecurityCheck, Appraisal, Decision).</summary>
public sealed record ApologyReceived(
    Guid DossierId, Guid SourceEventId, string Stage, string AgencyCode, DateOnly FormerDueDate, DateOnly NewDueDate,
    int WorkingDaysMoved, string Reason, string SignedBy, DateOnly AppointmentDate, DateTimeOffset At);
