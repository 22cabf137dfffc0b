namespace Aid.Contracts.Registration;

/// <summary>
/// The NGO rated how its dossier was served (1 = very poor … 5 = very good), once, after the result was out (approved
/// or refused); counted in the service-quality index. The NGO's comment stays in Registration: free text may hold
/// personal data the index does not need (VERSIONING.md, rule 5).
/// </summary>
public sealed record ServiceRated(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    Guid NgoId,
    int Score,
    DateOnly RatedOn) : IDossierEvent;
