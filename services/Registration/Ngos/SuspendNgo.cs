using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record ReasonRequest(string? Reason);

public sealed record SuspendNgo(string Reason, DateTimeOffset Now);

public static class SuspendNgoCommand
{
    public static IReadOnlyList<object> Decide(SuspendNgo command, Ngo ngo)
    {
        NgoRules.EnsureNotRevoked(ngo);
        if (ngo.Standing == NgoStanding.Suspended)
            throw new RuleViolation("ngo-already-suspended", new Bilingual(
                "Tổ chức đã bị đình chỉ hoạt động.", "The NGO is already suspended."));
        var changed = new NgoSuspended(ngo.Id, command.Reason, command.Now);
        return [changed with { Entry = RegistryEntry.Of(ngo.Apply(changed)) }];
    }

    public static async Task<IResult> Handle(
        Guid id, ReasonRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = new SuspendNgo(NgoRules.Reason(request?.Reason), time.GetUtcNow());
        session.ActingAs(Actor.From(http.User), http);
        var decided = await session.DecideAsync<Ngo>(id, http.Request.ExpectedVersion(), ngo => Decide(command, ngo), ct);
        return NgoRules.Changed(http, id, decided.Version);
    }
}
