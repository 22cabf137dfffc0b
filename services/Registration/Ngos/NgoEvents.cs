using Aid.Registration.PersonalData;

namespace Aid.Registration.Ngos;

/// <summary>The certificate kinds of the Ministry of Foreign Affairs. ProjectOffice was abolished: it is
/// refused for new registrations but still appears in the history of older NGOs.</summary>
public enum CertificateKind { OperationRegistration, RepresentativeOffice, ProjectOffice }

public sealed record Certificate(CertificateKind Kind, string Number, DateOnly IssueDate, DateOnly ExpiryDate);

/// <summary>The NGO's contact person as typed; events carry it sealed (<see cref="SealedPersonalData"/>).</summary>
public sealed record ContactPerson(string Name, string? Email, string? Phone)
{
    /// <summary>The same person when the name is the same, whatever the case and spacing (a new name is a new person).</summary>
    public bool IsSamePersonAs(ContactPerson? other) => other is not null &&
        string.Equals(string.Join(' ', Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', other.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);
}

public sealed record NgoProfile(
    string NameOwnLanguage,
    string NameEnglish,
    string? Acronym,
    string Country,
    string HeadOfficeAddress,
    SealedPersonalData Contact,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> Provinces);

public sealed record NgoRegistered(Guid NgoId, NgoProfile Profile, Certificate Certificate, DateTimeOffset RegisteredAt);

public sealed record NgoCertificateExtended(
    Guid NgoId, DateOnly PreviousExpiryDate, DateOnly NewExpiryDate, string? NewNumber, DateTimeOffset ExtendedAt)
{
    /// <summary>The registry entry after this change (absent on events recorded before it was added).</summary>
    public RegistryEntry? Entry { get; init; }
    /// <summary>The NGO's extension request this extension answered, when one was open.</summary>
    public Guid? AnsweredRequestId { get; init; }
}

/// <summary>The NGO's staff asked Sở Ngoại vụ to extend the certificate to <paramref name="RequestedExpiryDate"/>.</summary>
public sealed record CertificateExtensionRequested(
    Guid NgoId, Guid RequestId, DateOnly CurrentExpiryDate, DateOnly RequestedExpiryDate, string Reason, DateTimeOffset RequestedAt);

/// <summary>Sở Ngoại vụ declined the NGO's open extension request, with the reason the NGO reads.</summary>
public sealed record CertificateExtensionDeclined(Guid NgoId, Guid RequestId, string Reason, DateTimeOffset DeclinedAt);

public sealed record NgoAmended(Guid NgoId, NgoProfile Profile, DateTimeOffset AmendedAt)
{
    /// <summary>The registry entry after this change (absent on events recorded before it was added).</summary>
    public RegistryEntry? Entry { get; init; }
}

public sealed record NgoSuspended(Guid NgoId, string Reason, DateTimeOffset SuspendedAt)
{
    /// <summary>The registry entry after this change (absent on events recorded before it was added).</summary>
    public RegistryEntry? Entry { get; init; }
}

public sealed record NgoRevoked(Guid NgoId, string Reason, DateTimeOffset RevokedAt)
{
    /// <summary>The registry entry after this change (absent on events recorded before it was added).</summary>
    public RegistryEntry? Entry { get; init; }
}
