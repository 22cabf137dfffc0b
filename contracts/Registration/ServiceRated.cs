namespace Aid.Contracts.Registration;

/// <summary>
/// The NGO rated how its dossier was served (1 = very poor … 5 = very good, with an optional comment), once, after
/// the result was out (approved or refused); counted in the service-quality index.
/// </summary>
public sealed record ServiceRated(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    Guid NgoId,
    int Score,
    DateOnly RatedOn) : IIntegrationEvent
{
    public string? Comment { get; init; }
}
