namespace Aid.Contracts.Security;

public enum SecurityVerdict { Cleared, ClearedWithConditions, Objection }

/// <summary>
/// Công an tỉnh concluded its security check. Only the verdict and the public conditions leave the security
/// service: findings and the reasons for an objection stay confidential there.
/// </summary>
public sealed record SecurityReviewConcluded(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    SecurityVerdict Verdict,
    IReadOnlyList<string> PublicConditions) : IDossierEvent
{
    /// <summary>The security stage: ended on, due by, and whether on time (missing on events before 2026-11).</summary>
    public DateOnly? ConcludedOn { get; init; }
    public DateOnly? DueDate { get; init; }
    public bool? OnTime { get; init; }
}
