using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record ReasonRequest(string? Reason);

public sealed record SuspendNgo(string Reason, DateTimeOffset Now)
{
    public static SuspendNgo From(ReasonRequest? request, TimeProvider clock) => new(NgoRules.Reason(request?.Reason), clock.GetUtcNow());

    public static IReadOnlyList<object> Decide(SuspendNgo command, Ngo ngo)
    {
        NgoRules.EnsureNotRevoked(ngo);
        if (ngo.Standing == NgoStanding.Suspended)
            throw new RuleViolation("ngo-already-suspended", new Bilingual(
                "Tổ chức đã bị đình chỉ hoạt động.", "The NGO is already suspended."));
        var changed = new NgoSuspended(ngo.Id, command.Reason, command.Now);
        return [changed with { Entry = RegistryEntry.Of(ngo.Apply(changed)) }];
    }
}

public static class SuspendNgoEndpoint
{
    public static async Task<Versioned<NgoChanged>> Handle(
        Guid id, ReasonRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = SuspendNgo.From(request, time);
        return await session.RunAsync<Ngo, NgoChanged>(http, id, ngo => SuspendNgo.Decide(command, ngo), d => new NgoChanged(id, d.Version));
    }
}
