using Aid.Registration.Catalogue;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Donors;

public sealed record DonorInput(
    DonorKind? Kind, string? Name, string? Country, string? ContactPerson, string? Email, string? Phone,
    IReadOnlyList<string?>? Sectors, string? Notes);

public sealed record DonorChanged(Guid DonorId, long Version);

public sealed record RecordDonor(Guid DonorId, DonorDetails Details, DateTimeOffset Now)
{
    public static RecordDonor From(DonorInput? input, TimeProvider clock) => new(Guid.CreateVersion7(), DetailsOf(input), clock.GetUtcNow());

    public static IReadOnlyList<object> Decide(RecordDonor command) => [new DonorContactRecorded(command.DonorId, command.Details, command.Now)];

    /// <summary>A donor contact as recorded or updated (400 naming the field).</summary>
    public static DonorDetails DetailsOf(DonorInput? input)
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
}

public static class RecordDonorEndpoint
{
    public static async Task<Versioned<DonorChanged>> Handle(DonorInput request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = RecordDonor.From(request, time);
        return await session.StartAsync<Donor, DonorChanged>(http, command.DonorId, RecordDonor.Decide(command),
            $"/donors/{command.DonorId}", version => new DonorChanged(command.DonorId, version));
    }
}
