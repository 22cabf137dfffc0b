using Aid.Contracts.Security;

namespace Aid.Contracts.Desks;

/// <summary>
/// Công an tỉnh's security review of one dossier (Security's GET /security-reviews/{id}), as the security desk reads
/// it: the public summary and screening, who works it, its clock, the verdict and public conditions, the apology slips
/// and the version (the next If-Match). The confidential part only for those cleared to read it.
/// </summary>
public sealed record SecurityReviewView(
    Guid Id, string ReceiptCode, Guid NgoId, string? NgoName, string? Title, string AidKind,
    IReadOnlyList<string> SensitiveAreas, DateOnly? AppointmentDate, ReviewTrack Track,
    IReadOnlyList<string> ScreeningReasons, ReviewStatus Status, IReadOnlyList<string> Officers,
    SecurityStageView Stage, SecurityVerdict? Verdict, IReadOnlyList<string> PublicConditions, long Version,
    SecurityConfidentialView? Confidential)
{
    /// <summary>The apology slips issued for running late, oldest first.</summary>
    public IReadOnlyList<ApologySlip> Apologies { get; init; } = [];
}

/// <summary>The review's clock; while it is open, the working days left and where it stands against its due date.</summary>
public sealed record SecurityStageView(
    DateOnly StartedOn, DateOnly DueOn, DateOnly? EndedOn, bool? OnTime, bool FlaggedOverdue,
    int? WorkingDaysLeft, DeadlineFlag? Deadline);

/// <summary>What only security officers and cleared auditors read: the findings and the reasons of an objection.</summary>
public sealed record SecurityConfidentialView(IReadOnlyList<SecurityFinding> Findings, string? ObjectionReasons);

public sealed record SecurityFinding(Guid Id, string Text, FindingSeverity Severity, string RecordedBy, DateTimeOffset RecordedAt);
