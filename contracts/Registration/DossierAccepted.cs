namespace Aid.Contracts.Registration;

/// <summary>Sở Ngoại vụ accepted a dossier at intake; the security check may start.</summary>
public sealed record DossierAccepted(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    Guid NgoId,
    string AidKind,
    IReadOnlyList<string> SensitiveAreas) : IIntegrationEvent;
