using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Catalogue;

public sealed record ReturnEntryRequest(string? Comments);

public sealed record ReturnEntry(string Comments, DateTimeOffset Now)
{
    public static ReturnEntry From(ReturnEntryRequest? request, TimeProvider clock) =>
        new(InputCheck.Validated(check => check.Paragraphs("comments", request?.Comments)), clock.GetUtcNow());

    public static IReadOnlyList<object> Decide(ReturnEntry command, CatalogueEntry entry)
    {
        CatalogueRules.EnsureStatus(entry, EntryStatus.Proposed, new Bilingual("trả lại", "return it"));
        return [new CatalogueEntryReturned(entry.Id, command.Comments, command.Now)];
    }
}

public static class ReturnEntryEndpoint
{
    public static async Task<Versioned<EntryChanged>> Handle(
        Guid id, ReturnEntryRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = ReturnEntry.From(request, time);
        return await session.RunAsync<CatalogueEntry, EntryChanged>(http, id, e => ReturnEntry.Decide(command, e),
            d => new EntryChanged(id, nameof(EntryStatus.Returned), d.Version));
    }
}
