namespace Aid.Registration.Dossiers;

/// <summary>
/// The intake check accepted the dossier: the security check starts. Carries the public summary the later
/// stages need (published as the contracts' DossierAccepted by the relay).
/// </summary>
public sealed record DossierAccepted(
    Guid DossierId,
    string ReceiptCode,
    Guid NgoId,
    string AidKind,
    IReadOnlyList<string> SensitiveAreas,
    DateTimeOffset AcceptedAt)
{
    public string? NgoName { get; init; }
    public string? Title { get; init; }
    public string? TitleEn { get; init; }
    public IReadOnlyList<string> Fields { get; init; } = [];
    public IReadOnlyList<string> Locations { get; init; } = [];
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public decimal? AmountVnd { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public DateOnly? AppointmentDate { get; init; }
    /// <summary>The day the intake stage ended, and whether that was within its deadline.</summary>
    public DateOnly? AcceptedOn { get; init; }
    public bool? IntakeOnTime { get; init; }
    public string? NgoCountry { get; init; }
    public DateOnly? ReceiptDate { get; init; }
    public DateOnly? IntakeDueDate { get; init; }
    public Guid? CatalogueEntryId { get; init; }
    public string? Objectives { get; init; }
    /// <summary>The intake officer who received the dossier (name as signed in); absent in older history.</summary>
    public string? AcceptedBy { get; init; }
    /// <summary>Who decides the aid, as the officer confirmed it (absent in older history).</summary>
    public Aid.Contracts.Registration.DossierClassification? Classification { get; init; }
}
