namespace Aid.Contracts.Registration;

/// <summary>
/// Sở Ngoại vụ asked the NGO for what was missing (the intake clock stops); counted in the service-quality index.
/// Only how many items, never the items themselves.
/// </summary>
public sealed record DossierSupplementRequested(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    DateOnly RequestedOn,
    int MissingItemCount) : IIntegrationEvent;
