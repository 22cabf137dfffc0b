namespace Aid.Contracts.Registration;

public enum NgoStanding { Active, Suspended, Revoked }

public enum NgoRegistryChange { Registered, Amended, CertificateExtended, Suspended, Revoked }

/// <summary>
/// The NGO's entry in the province's registry as it stands after a change: the whole public entry, so a consumer
/// needs no earlier message to know it.
/// </summary>
public sealed record NgoRegistryChanged(
    EventMetadata Metadata,
    Guid NgoId,
    NgoRegistryChange Change,
    string Name,
    string Country,
    string CertificateKind,
    string CertificateNumber,
    DateOnly CertificateIssueDate,
    DateOnly CertificateExpiryDate,
    NgoStanding Standing) : IIntegrationEvent
{
    /// <summary>
    /// Where the NGO's notifications go: its contact person's e-mail address, opened from the sealed personal data when
    /// the change was published. Empty once the person was erased (or when no address was given): nothing is sent to
    /// an erased person.
    /// </summary>
    public IReadOnlyList<string> NotificationEmails { get; init; } = [];
}
