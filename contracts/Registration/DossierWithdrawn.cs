namespace Aid.Contracts.Registration;

/// <summary>The NGO withdrew its dossier before the decision; open work on it stops.</summary>
public sealed record DossierWithdrawn(EventMetadata Metadata, Guid DossierId, string ReceiptCode, string Reason)
    : IDossierEvent
{
    /// <summary>
    /// Whether the dossier had passed intake (a DossierAccepted was published before). False: no other service ever
    /// heard of it. Missing on events before 2026-12.
    /// </summary>
    public bool? WasAccepted { get; init; }
}
