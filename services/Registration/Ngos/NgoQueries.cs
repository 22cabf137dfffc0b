using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Aid.Registration.PersonalData;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record NgoView(
    Guid Id, NgoProfileView Profile, Certificate Certificate, NgoStanding Standing, string? StandingReason,
    DateTimeOffset RegisteredAt, long Version)
{
    /// <summary>Contact persons an amendment replaced (their data stays in the history until erased).</summary>
    public IReadOnlyList<ContactView> FormerContacts { get; init; } = [];
    /// <summary>The NGO's latest extension request: open, or how Sở Ngoại vụ answered it.</summary>
    public ExtensionRequest? ExtensionRequest { get; init; }
}

public sealed record NgoProfileView(
    string NameOwnLanguage, string NameEnglish, string? Acronym, string Country, string HeadOfficeAddress,
    ContactView Contact, IReadOnlyList<string> Fields, IReadOnlyList<string> Provinces);

/// <summary>A contact person as the registry shows them: an erased person keeps only the id and <c>Erased</c>.</summary>
public sealed record ContactView(Guid PersonId, string? Name, string? Email, string? Phone, bool Erased);

public sealed record ExpiringCertificate(
    Guid NgoId, string NameEnglish, string? Acronym, CertificateKind Kind, string Number, DateOnly ExpiryDate, int DaysLeft);

/// <summary>A line of the registry list.</summary>
public sealed record NgoListItem(Guid Id, string NameEnglish, string? Acronym, string Country, NgoStanding Standing)
{
    /// <summary>The date the NGO's open extension request asks for (null: none awaits an answer).</summary>
    public DateOnly? ExtensionRequestedTo { get; init; }
}

public static class NgoQueries
{
    /// <summary>The whole registry, by English name (a few hundred NGOs).</summary>
    public static async Task<IResult> List(IQuerySession session, CancellationToken ct)
    {
        var ngos = await session.Query<Ngo>().OrderBy(n => n.Profile.NameEnglish).ToListAsync(ct);
        return Results.Ok(ngos.Select(n => new NgoListItem(n.Id, n.Profile.NameEnglish, n.Profile.Acronym, n.Profile.Country, n.Standing)
        { ExtensionRequestedTo = n.OpenExtensionRequest()?.RequestedExpiryDate }).ToList());
    }

    public static async Task<Versioned<NgoView>> GetNgo(Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        Actor.From(http.User).EnsureMaySee(id, "NGO");
        var ngo = await session.LoadAsync<Ngo>(id, ct) ?? throw new NotFound("NGO");
        var version = (await session.Events.FetchStreamStateAsync(id, ct))?.Version ?? 0;
        return Versioned.Ok(await ViewOf(session, ngo, version, ct), version);
    }

    private static async Task<NgoView> ViewOf(IQuerySession session, Ngo ngo, long version, CancellationToken ct)
    {
        var people = await session.OpenAsync<ContactPerson>([ngo.Profile.Contact, .. ngo.FormerContacts], ct);
        ContactView View(SealedPersonalData c) => people.TryGetValue(c.PersonId, out var p)
            ? new ContactView(c.PersonId, p.Name, p.Email, p.Phone, false)
            : new ContactView(c.PersonId, null, null, null, true);
        var profile = ngo.Profile;
        return new NgoView(ngo.Id,
            new NgoProfileView(profile.NameOwnLanguage, profile.NameEnglish, profile.Acronym, profile.Country,
                profile.HeadOfficeAddress, View(profile.Contact), profile.Fields, profile.Provinces),
            ngo.Certificate, ngo.Standing, ngo.StandingReason, ngo.RegisteredAt, version)
        { FormerContacts = ngo.FormerContacts.Select(View).ToList(), ExtensionRequest = ngo.ExtensionRequest };
    }

    public static async Task<IResult> Expiring(int? withinDays, IQuerySession session, TimeProvider time, CancellationToken ct)
    {
        var check = new InputCheck();
        var days = check.Required("withinDays", withinDays);
        if (withinDays is < 0 or > 3650)
            check.Fail("withinDays", "Phải từ 0 đến 3650 ngày.", "Must be between 0 and 3650 days.");
        check.ThrowIfInvalid();

        var today = time.VietnamToday();
        var until = today.AddDays(days);
        // The registry holds a few hundred NGOs: filtering in memory keeps the query simple.
        var ngos = await session.Query<Ngo>().Where(n => n.Standing != NgoStanding.Revoked).ToListAsync(ct);
        return Results.Ok(ngos
            .Where(n => n.Certificate.ExpiryDate >= today && n.Certificate.ExpiryDate <= until)
            .OrderBy(n => n.Certificate.ExpiryDate)
            .Select(n => new ExpiringCertificate(n.Id, n.Profile.NameEnglish, n.Profile.Acronym, n.Certificate.Kind,
                n.Certificate.Number, n.Certificate.ExpiryDate, n.Certificate.ExpiryDate.DayNumber - today.DayNumber))
            .ToList());
    }
}
