using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record NgoView(
    Guid Id, NgoProfile Profile, Certificate Certificate, NgoStanding Standing, string? StandingReason,
    DateTimeOffset RegisteredAt, long Version);

public sealed record ExpiringCertificate(
    Guid NgoId, string NameEnglish, string? Acronym, CertificateKind Kind, string Number, DateOnly ExpiryDate, int DaysLeft);

public static class NgoQueries
{
    public static async Task<IResult> GetNgo(Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        Actor.From(http.User).EnsureMaySee(id, "NGO");
        var ngo = await session.LoadAsync<Ngo>(id, ct) ?? throw new NotFound("NGO");
        var version = (await session.Events.FetchStreamStateAsync(id, ct))?.Version ?? 0;
        http.Response.Headers.ETag = $"\"{version}\"";
        return Results.Ok(new NgoView(ngo.Id, ngo.Profile, ngo.Certificate, ngo.Standing, ngo.StandingReason, ngo.RegisteredAt, version));
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
