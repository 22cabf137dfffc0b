using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Catalogue;

public sealed record PublishEntry(DateOnly Today, DateTimeOffset Now);

public static class PublishEntryCommand
{
    /// <summary>
    /// Published for one year: valid through the day before the anniversary. The code (DM-year-…) is derived from the
    /// entry id, so no shared counter is needed.
    /// </summary>
    public static IReadOnlyList<object> Decide(PublishEntry command, CatalogueEntry entry)
    {
        CatalogueRules.EnsureStatus(entry, EntryStatus.Proposed, new Bilingual("công bố", "publish it"));
        var code = $"DM-{command.Today:yyyy}-{entry.Id.ToString("N")[^6..].ToUpperInvariant()}";
        return [new CatalogueEntryPublished(entry.Id, code, entry.Content, command.Today, command.Today.AddYears(1).AddDays(-1), command.Now)];
    }

    public static async Task<IResult> Handle(Guid id, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var command = new PublishEntry(now.VietnamDate(), now);
        session.ActingAs(Actor.From(http.User), http);
        var decided = await session.DecideAsync<CatalogueEntry>(id, http.Request.ExpectedVersion(), e => Decide(command, e), ct);
        return CatalogueRules.Changed(http, id, EntryStatus.Published, decided.Version);
    }
}
