namespace Aid.Contracts.Appraisal;

/// <summary>Sở Tài chính opened the appraisal (security has concluded).</summary>
public sealed record AppraisalOpened(EventMetadata Metadata, Guid DossierId, string ReceiptCode, DateOnly DueDate)
    : IIntegrationEvent;

public enum Recommendation { Approve, ApproveWithConditions, Refuse }

/// <summary>The appraisal report is issued; the dossier waits for the decision of UBND tỉnh.</summary>
public sealed record AppraisalReportIssued(
    EventMetadata Metadata, Guid DossierId, string ReceiptCode, Recommendation Recommendation, DateOnly DecisionDueDate)
    : IIntegrationEvent;

public enum DecisionOutcome { Approved, Refused, ForwardedToPrimeMinister }

/// <summary>
/// UBND tỉnh decided (or forwarded the dossier to the Prime Minister when the aid is security, defence or
/// religion related). Approved decisions carry what monitoring needs.
/// </summary>
public sealed record DossierDecided(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    DecisionOutcome Outcome) : IIntegrationEvent
{
    public string? DecisionNumber { get; init; }
    public DateOnly? DecisionDate { get; init; }
    public string? Signer { get; init; }
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public string? Reasons { get; init; }
    public Guid? NgoId { get; init; }
    public string? Title { get; init; }
    public decimal? AmountVnd { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
}
