namespace Aid.Contracts.Registration;

/// <summary>
/// Sở Ngoại vụ finished the intake check and accepted the dossier: the security check may start. Carries the
/// public summary of the dossier that the later stages need.
/// </summary>
public sealed record DossierAccepted(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    Guid NgoId,
    string AidKind,
    IReadOnlyList<string> SensitiveAreas)
    : IDossierEvent
{
    public string? NgoName { get; init; }
    public string? Title { get; init; }
    /// <summary>The title in English, when the NGO gave one.</summary>
    public string? TitleEn { get; init; }
    public IReadOnlyList<string> Fields { get; init; } = [];
    public IReadOnlyList<string> Locations { get; init; } = [];
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public decimal? AmountVnd { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public DateOnly? AppointmentDate { get; init; }
    public string? NgoCountry { get; init; }
    /// <summary>The intake stage: received on, due by (after any supplement), ended on, and whether on time.</summary>
    public DateOnly? ReceiptDate { get; init; }
    public DateOnly? IntakeDueDate { get; init; }
    public DateOnly? AcceptedOn { get; init; }
    public bool? IntakeOnTime { get; init; }
    /// <summary>The catalogue entry (danh mục kêu gọi viện trợ) the dossier answers, if it cites one.</summary>
    public Guid? CatalogueEntryId { get; init; }
    public string? Objectives { get; init; }
    /// <summary>Who decides the aid (absent on dossiers accepted before 2026-12: read the sensitive areas).</summary>
    public DossierClassification? Classification { get; init; }
}
