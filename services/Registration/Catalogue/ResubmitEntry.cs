using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Catalogue;

public sealed record ResubmitEntry(EntryContent Content, Actor Actor, DateTimeOffset Now);

public static class ResubmitEntryCommand
{
    /// <summary>Only the proposing agency revises its returned proposal; it goes back to Sở Ngoại vụ for review.</summary>
    public static IReadOnlyList<object> Decide(ResubmitEntry command, CatalogueEntry entry)
    {
        if (entry.ProposingAgency != command.Actor.Agency)
            throw new NotFound("CatalogueEntry", hidden: command.Actor.Role == Roles.LocalProposer);
        CatalogueRules.EnsureStatus(entry, EntryStatus.Returned, new Bilingual("gửi lại", "resubmit it"));
        return [new CatalogueEntryResubmitted(entry.Id, command.Content, command.Now)];
    }

    public static async Task<IResult> Handle(
        Guid id, EntryInput request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var check = new InputCheck();
        var content = check.Content(request);
        check.ThrowIfInvalid();
        var actor = Actor.From(http.User);
        var command = new ResubmitEntry(content, actor, time.GetUtcNow());
        session.ActingAs(actor, http);
        var decided = await session.DecideAsync<CatalogueEntry>(id, http.Request.ExpectedVersion(), e => Decide(command, e), ct);
        return CatalogueRules.Changed(http, id, EntryStatus.Proposed, decided.Version);
    }
}
