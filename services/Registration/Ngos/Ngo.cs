using Aid.Registration.PersonalData;

namespace Aid.Registration.Ngos;

public enum NgoStanding { Active, Suspended, Revoked }

/// <summary>A foreign NGO in the registry; its stream id is the NGO id.</summary>
public sealed record Ngo
{
    public Guid Id { get; init; }
    public required NgoProfile Profile { get; init; }
    public required Certificate Certificate { get; init; }
    public NgoStanding Standing { get; init; }
    public string? StandingReason { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    /// <summary>Contact persons an amendment replaced: their data stays in the history until they are erased.</summary>
    public IReadOnlyList<SealedPersonalData> FormerContacts { get; init; } = [];
    /// <summary>The NGO's latest extension request, open or answered (null until it first asks).</summary>
    public ExtensionRequest? ExtensionRequest { get; init; }

    public static Ngo Create(NgoRegistered e) => new()
    {
        Id = e.NgoId, Profile = e.Profile, Certificate = e.Certificate, RegisteredAt = e.RegisteredAt,
    };

    public Ngo Apply(NgoCertificateExtended e) => this with
    {
        Certificate = Certificate with { ExpiryDate = e.NewExpiryDate, Number = e.NewNumber ?? Certificate.Number },
        ExtensionRequest = ExtensionRequest is { } r && r.Id == e.AnsweredRequestId
            ? r with { Status = ExtensionRequestStatus.Granted, AnsweredAt = e.ExtendedAt, GrantedExpiryDate = e.NewExpiryDate }
            : ExtensionRequest,
    };

    public Ngo Apply(CertificateExtensionRequested e) => this with
    {
        ExtensionRequest = new ExtensionRequest(e.RequestId, e.CurrentExpiryDate, e.RequestedExpiryDate, e.Reason, e.RequestedAt),
    };

    public Ngo Apply(CertificateExtensionDeclined e) => this with
    {
        ExtensionRequest = ExtensionRequest! with { Status = ExtensionRequestStatus.Declined, AnsweredAt = e.DeclinedAt, DeclineReason = e.Reason },
    };

    /// <summary>The extension request Sở Ngoại vụ has yet to answer (none once the registration is revoked).</summary>
    public ExtensionRequest? OpenExtensionRequest() =>
        Standing != NgoStanding.Revoked && ExtensionRequest is { Status: ExtensionRequestStatus.Open } r ? r : null;

    public Ngo Apply(NgoAmended e) => this with
    {
        Profile = e.Profile,
        FormerContacts = e.Profile.Contact.PersonId == Profile.Contact.PersonId
            ? FormerContacts
            : [.. FormerContacts.Where(c => c.PersonId != e.Profile.Contact.PersonId), Profile.Contact],
    };

    public Ngo Apply(NgoSuspended e) => this with { Standing = NgoStanding.Suspended, StandingReason = e.Reason };

    public Ngo Apply(NgoRevoked e) => this with { Standing = NgoStanding.Revoked, StandingReason = e.Reason };

    public bool MayWorkIn(string provinceCode) =>
        Profile.Provinces.Any(p => string.Equals(p, provinceCode, StringComparison.OrdinalIgnoreCase));
}
