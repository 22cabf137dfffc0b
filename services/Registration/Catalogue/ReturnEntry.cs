using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Catalogue;

public sealed record ReturnEntryRequest(string? Comments);

public sealed record ReturnEntry(string Comments, DateTimeOffset Now);

public static class ReturnEntryCommand
{
    public static IReadOnlyList<object> Decide(ReturnEntry command, CatalogueEntry entry)
    {
        CatalogueRules.EnsureStatus(entry, EntryStatus.Proposed, new Bilingual("trả lại", "return it"));
        return [new CatalogueEntryReturned(entry.Id, command.Comments, command.Now)];
    }

    public static async Task<IResult> Handle(
        Guid id, ReturnEntryRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var check = new InputCheck();
        var comments = check.Paragraphs("comments", request?.Comments);
        check.ThrowIfInvalid();
        var command = new ReturnEntry(comments, time.GetUtcNow());
        session.ActingAs(Actor.From(http.User), http);
        var decided = await session.DecideAsync<CatalogueEntry>(id, http.Request.ExpectedVersion(), e => Decide(command, e), ct);
        return CatalogueRules.Changed(http, id, EntryStatus.Returned, decided.Version);
    }
}
