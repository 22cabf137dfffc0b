using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Donors;

public sealed record UpdateDonor(DonorDetails Details, DateTimeOffset Now)
{
    public static UpdateDonor From(DonorInput? input, TimeProvider clock) => new(RecordDonor.DetailsOf(input), clock.GetUtcNow());

    public static IReadOnlyList<object> Decide(UpdateDonor command, Donor donor)
    {
        var (details, current) = (command.Details, donor.Details);
        return details == current
            || (details with { Sectors = [] } == current with { Sectors = [] } && details.Sectors.SequenceEqual(current.Sectors))
            ? throw new RuleViolation("donor-unchanged", new Bilingual("Thông tin không thay đổi.", "The contact is unchanged."))
            : [new DonorContactUpdated(donor.Id, details, command.Now)];
    }
}

public static class UpdateDonorEndpoint
{
    public static async Task<Versioned<DonorChanged>> Handle(
        Guid id, DonorInput request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = UpdateDonor.From(request, time);
        return await session.RunAsync<Donor, DonorChanged>(http, id, d => UpdateDonor.Decide(command, d), d => new DonorChanged(id, d.Version));
    }
}
