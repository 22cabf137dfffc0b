using Aid.Contracts.Desks;
using Aid.Contracts.Security;
using Aid.Domain.Apologies;

namespace Aid.Security.Reviews;

/// <summary>A review opened for an accepted dossier, with the public summary of the dossier and the screening.</summary>
public sealed record SecurityReviewOpened(
    Guid DossierId,
    string ReceiptCode,
    Guid NgoId,
    string? NgoName,
    string? Title,
    string AidKind,
    IReadOnlyList<string> SensitiveAreas,
    DateOnly? AppointmentDate,
    ReviewTrack Track,
    IReadOnlyList<string> ScreeningReasons,
    DateTimeOffset OpenedAt,
    DateOnly StartedOn,
    DateOnly DueOn);

public sealed record OfficersAssigned(Guid DossierId, IReadOnlyList<string> Officers, DateTimeOffset AssignedAt);

/// <summary>Confidential: never leaves the security service.</summary>
public sealed record FindingRecorded(
    Guid DossierId, Guid FindingId, string Text, FindingSeverity Severity, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The verdict. <see cref="ConfidentialReasons"/> (the grounds of an objection) never leave the service.</summary>
public sealed record ReviewConcluded(
    Guid DossierId,
    string ReceiptCode,
    Guid NgoId,
    SecurityVerdict Verdict,
    IReadOnlyList<string> PublicConditions,
    string? ConfidentialReasons,
    DateTimeOffset ConcludedAt,
    DateOnly EndedOn,
    bool OnTime)
{
    /// <summary>The due date the review was held to (missing on events recorded before 2026-11).</summary>
    public DateOnly? DueDate { get; init; }
}

/// <summary>The NGO withdrew the dossier: the review stops.</summary>
public sealed record SecurityReviewClosedOnWithdrawal(Guid DossierId, string Reason, DateTimeOffset ClosedAt, DateOnly EndedOn);

/// <summary>Flagged once, on the first scan after the due date has passed.</summary>
public sealed record SecurityReviewBecameOverdue(Guid DossierId, DateOnly DueOn, DateOnly FlaggedOn);

/// <summary>Công an tỉnh ran late and issued an apology slip with a new due date (published as SecurityApologyIssued).</summary>
public sealed record SecurityApologySlipIssued(Guid DossierId, string ReceiptCode, ApologySlip Slip);
