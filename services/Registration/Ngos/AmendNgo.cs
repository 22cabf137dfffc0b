using Aid.Registration.PersonalData;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record AmendNgo(NgoProfile Profile, DateTimeOffset Now)
{
    /// <summary>Checks the profile, then seals the contact: under the current person's key if it is the same person,
    /// else under a new person's.</summary>
    public static async Task<AmendNgo> FromAsync(
        Guid id, NgoProfileInput? request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var draft = InputCheck.Validated(check => check.Profile(request));
        var current = await session.LoadAsync<Ngo>(id, ct);
        var currentContact = current is null ? null : await session.OpenAsync<ContactPerson>(current.Profile.Contact, ct);
        var person = draft.Contact.IsSamePersonAs(currentContact) ? current!.Profile.Contact.PersonId : Guid.CreateVersion7();
        return new AmendNgo(draft.Sealed(await session.SealAsync(person, draft.Contact, clock, ct)), clock.GetUtcNow());
    }

    public static IReadOnlyList<object> Decide(AmendNgo command, Ngo ngo)
    {
        NgoRules.EnsureNotRevoked(ngo);
        if (command.Profile == ngo.Profile || Same(command.Profile, ngo.Profile))
            throw new RuleViolation("nothing-to-amend", new Bilingual(
                "Thông tin không thay đổi so với hiện tại.", "The profile is unchanged."));
        var changed = new NgoAmended(ngo.Id, command.Profile, command.Now);
        return [changed with { Entry = RegistryEntry.Of(ngo.Apply(changed)) }];
    }

    private static bool Same(NgoProfile a, NgoProfile b) =>
        a with { Fields = [], Provinces = [] } == b with { Fields = [], Provinces = [] }
        && a.Fields.SequenceEqual(b.Fields) && a.Provinces.SequenceEqual(b.Provinces);
}

public static class AmendNgoEndpoint
{
    public static async Task<Versioned<NgoChanged>> Handle(
        Guid id, NgoProfileInput request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = await AmendNgo.FromAsync(id, request, session, time, ct);
        return await session.RunAsync<Ngo, NgoChanged>(http, id, ngo => AmendNgo.Decide(command, ngo), d => new NgoChanged(id, d.Version));
    }
}
