namespace Aid.Contracts.Registration;

/// <summary>The NGO withdrew its dossier before the decision; open work on it stops.</summary>
public sealed record DossierWithdrawn(EventMetadata Metadata, Guid DossierId, string ReceiptCode, string Reason)
    : IIntegrationEvent;
