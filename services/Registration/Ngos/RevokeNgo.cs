using Aid.ServiceDefaults.Commands;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record RevokeNgo(string Reason, DateTimeOffset Now)
{
    public static RevokeNgo From(ReasonRequest? request, TimeProvider clock) => new(NgoRules.Reason(request?.Reason), clock.GetUtcNow());

    /// <summary>Revocation is final: a revoked NGO is refused any further change (409).</summary>
    public static IReadOnlyList<object> Decide(RevokeNgo command, Ngo ngo)
    {
        NgoRules.EnsureNotRevoked(ngo);
        var changed = new NgoRevoked(ngo.Id, command.Reason, command.Now);
        return [changed with { Entry = RegistryEntry.Of(ngo.Apply(changed)) }];
    }
}

public static class RevokeNgoEndpoint
{
    public static async Task<Versioned<NgoChanged>> Handle(
        Guid id, ReasonRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = RevokeNgo.From(request, time);
        return await session.RunAsync<Ngo, NgoChanged>(http, id, ngo => RevokeNgo.Decide(command, ngo), d => new NgoChanged(id, d.Version));
    }
}
