using Aid.Registration.PersonalData;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record AmendNgo(NgoProfile Profile, DateTimeOffset Now);

public static class AmendNgoCommand
{
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

    public static async Task<IResult> Handle(
        Guid id, NgoProfileInput request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var check = new InputCheck();
        var draft = check.Profile(request);
        check.ThrowIfInvalid();
        var current = await session.LoadAsync<Ngo>(id, ct);
        var currentContact = current is null ? null : await session.OpenAsync<ContactPerson>(current.Profile.Contact, ct);
        var person = draft.Contact.IsSamePersonAs(currentContact) ? current!.Profile.Contact.PersonId : Guid.CreateVersion7();
        var command = new AmendNgo(draft.Sealed(await session.SealAsync(person, draft.Contact, time, ct)), time.GetUtcNow());
        session.ActingAs(Actor.From(http.User), http);
        var decided = await session.DecideAsync<Ngo>(id, http.Request.ExpectedVersion(), ngo => Decide(command, ngo), ct);
        return NgoRules.Changed(http, id, decided.Version);
    }
}
