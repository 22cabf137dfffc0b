using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Catalogue;

public sealed record ResubmitEntry(EntryContent Content, Actor Actor, DateTimeOffset Now)
{
    public static ResubmitEntry From(EntryInput? request, Actor actor, TimeProvider clock) =>
        new(InputCheck.Validated(check => check.Content(request)), actor, clock.GetUtcNow());

    /// <summary>Only the proposing agency revises its returned proposal; it goes back to Sở Ngoại vụ for review.</summary>
    public static IReadOnlyList<object> Decide(ResubmitEntry command, CatalogueEntry entry)
    {
        if (entry.ProposingAgency != command.Actor.Agency)
            throw new NotFound("CatalogueEntry", hidden: command.Actor.Role == Roles.LocalProposer);
        CatalogueRules.EnsureStatus(entry, EntryStatus.Returned, new Bilingual("gửi lại", "resubmit it"));
        return [new CatalogueEntryResubmitted(entry.Id, command.Content, command.Now)];
    }
}

public static class ResubmitEntryEndpoint
{
    public static async Task<Versioned<EntryChanged>> Handle(
        Guid id, EntryInput request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = ResubmitEntry.From(request, Actor.From(http.User), time);
        return await session.RunAsync<CatalogueEntry, EntryChanged>(http, id, e => ResubmitEntry.Decide(command, e),
            d => new EntryChanged(id, nameof(EntryStatus.Proposed), d.Version));
    }
}
