using Aid.Registration.Catalogue;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Donors;

public sealed record DonorInput(
    DonorKind? Kind, string? Name, string? Country, string? ContactPerson, string? Email, string? Phone,
    IReadOnlyList<string?>? Sectors, string? Notes);

public sealed record DonorChanged(Guid DonorId, long Version);

public static class RecordDonorCommand
{
    public static IReadOnlyList<object> Decide(Guid donorId, DonorDetails details, DateTimeOffset now) =>
        [new DonorContactRecorded(donorId, details, now)];

    public static IReadOnlyList<object> Decide(DonorDetails details, Donor donor, DateTimeOffset now) => details == donor.Details
        || (details with { Sectors = [] } == donor.Details with { Sectors = [] } && details.Sectors.SequenceEqual(donor.Details.Sectors))
        ? throw new RuleViolation("donor-unchanged", new Bilingual("Thông tin không thay đổi.", "The contact is unchanged."))
        : [new DonorContactUpdated(donor.Id, details, now)];

    public static DonorDetails Validate(DonorInput? input)
    {
        input ??= new DonorInput(null, null, null, null, null, null, null, null);
        var check = new InputCheck();
        var kind = check.Required("kind", input.Kind);
        if (input.Kind is { } k && !Enum.IsDefined(k))
            check.Fail("kind", "Loại nhà tài trợ không hợp lệ.", "Unknown donor kind.");
        var sectors = (input.Sectors ?? []).Select((s, i) => check.Sector($"sectors[{i}]", s)).Distinct().ToList();
        var details = new DonorDetails(kind, check.Line("name", input.Name, 300),
            InputCheck.Optional(check.Line("country", input.Country, 100, required: false)),
            InputCheck.Optional(check.Line("contactPerson", input.ContactPerson, 200, required: false)),
            InputCheck.Optional(check.Line("email", input.Email, 200, required: false)),
            InputCheck.Optional(check.Line("phone", input.Phone, 50, required: false)),
            sectors,
            InputCheck.Optional(check.Paragraphs("notes", input.Notes, required: false)));
        check.ThrowIfInvalid();
        return details;
    }

    public static async Task<IResult> Record(DonorInput request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var details = Validate(request);
        var id = Guid.CreateVersion7();
        session.ActingAs(Actor.From(http.User), http);
        session.Events.StartStream<Donor>(id, Decide(id, details, time.GetUtcNow()).ToArray());
        await session.SaveChangesAsync(ct);
        http.Response.Headers.ETag = "\"1\"";
        return Results.Created($"/donors/{id}", new DonorChanged(id, 1));
    }

    public static async Task<IResult> Update(
        Guid id, DonorInput request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var details = Validate(request);
        var now = time.GetUtcNow();
        session.ActingAs(Actor.From(http.User), http);
        var decided = await session.DecideAsync<Donor>(id, http.Request.ExpectedVersion(), d => Decide(details, d, now), ct);
        http.Response.Headers.ETag = $"\"{decided.Version}\"";
        return Results.Ok(new DonorChanged(id, decided.Version));
    }
}
