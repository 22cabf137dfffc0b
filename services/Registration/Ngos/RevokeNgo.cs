using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record RevokeNgo(string Reason, DateTimeOffset Now);

public static class RevokeNgoCommand
{
    /// <summary>Revocation is final: a revoked NGO is refused any further change (409).</summary>
    public static IReadOnlyList<object> Decide(RevokeNgo command, Ngo ngo)
    {
        NgoRules.EnsureNotRevoked(ngo);
        var changed = new NgoRevoked(ngo.Id, command.Reason, command.Now);
        return [changed with { Entry = RegistryEntry.Of(ngo.Apply(changed)) }];
    }

    public static async Task<IResult> Handle(
        Guid id, ReasonRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = new RevokeNgo(NgoRules.Reason(request?.Reason), time.GetUtcNow());
        session.ActingAs(Actor.From(http.User), http);
        var decided = await session.DecideAsync<Ngo>(id, http.Request.ExpectedVersion(), ngo => Decide(command, ngo), ct);
        return NgoRules.Changed(http, id, decided.Version);
    }
}
