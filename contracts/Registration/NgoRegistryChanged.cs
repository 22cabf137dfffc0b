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
    NgoStanding Standing) : IIntegrationEvent;
