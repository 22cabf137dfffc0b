namespace Aid.Contracts.Appraisal;

/// <summary>Sở Tài chính opened the appraisal (security has concluded).</summary>
public sealed record AppraisalOpened(EventMetadata Metadata, Guid DossierId, string ReceiptCode, DateOnly DueDate)
    : IDossierEvent;

public enum Recommendation { Approve, ApproveWithConditions, Refuse }

/// <summary>The appraisal report is issued; the dossier waits for the decision of UBND tỉnh.</summary>
public sealed record AppraisalReportIssued(
    EventMetadata Metadata, Guid DossierId, string ReceiptCode, Recommendation Recommendation, DateOnly DecisionDueDate)
    : IDossierEvent
{
    /// <summary>The appraisal stage: opened on, issued on, due by, and whether on time.</summary>
    public DateOnly? OpenedOn { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public DateOnly? DueDate { get; init; }
    public bool? OnTime { get; init; }
}

public enum DecisionOutcome { Approved, Refused, ForwardedToPrimeMinister }

/// <summary>
/// UBND tỉnh decided (or forwarded the dossier to the Prime Minister when the aid is security, defence or
/// religion related). Approved decisions carry what monitoring needs.
/// </summary>
public sealed record DossierDecided(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    DecisionOutcome Outcome) : IDossierEvent
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
    /// <summary>The decision stage: due by, and whether decided on time.</summary>
    public DateOnly? DecisionDueDate { get; init; }
    public bool? OnTime { get; init; }
    /// <summary>The dossier's summary as accepted, passed on for monitoring, reports and the IATI export.</summary>
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
    /// <summary>The Prime Minister decided a dossier UBND tỉnh had forwarded (a second DossierDecided for it).</summary>
    public bool ByPrimeMinister { get; init; }
    /// <summary>
    /// On the Prime Minister's decision: the day UBND tỉnh forwarded the dossier. The province's decision stage ended
    /// then (its on-time figure is on the forwarding's DossierDecided); the time from it to <see cref="DecisionDate"/>
    /// is the Prime Minister's and counts against no provincial agency.
    /// </summary>
    public DateOnly? ForwardedOn { get; init; }
}
