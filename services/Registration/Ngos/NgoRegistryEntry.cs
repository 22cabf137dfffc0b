namespace Aid.Registration.Ngos;

/// <summary>
/// The NGO's public registry entry as it stands after a change, carried on the change event so the stateless relay
/// can publish the whole entry (contracts' NgoRegistryChanged) without reading the aggregate.
/// </summary>
public sealed record RegistryEntry(
    string Name, string Country, CertificateKind CertificateKind, string CertificateNumber,
    DateOnly CertificateIssueDate, DateOnly CertificateExpiryDate, NgoStanding Standing)
{
    public static RegistryEntry Of(Ngo ngo) => new(
        ngo.Profile.NameEnglish, ngo.Profile.Country, ngo.Certificate.Kind, ngo.Certificate.Number,
        ngo.Certificate.IssueDate, ngo.Certificate.ExpiryDate, ngo.Standing);
}
