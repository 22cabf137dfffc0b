using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Catalogue;

public sealed record PublishEntry(DateOnly Today, DateTimeOffset Now)
{
    public static PublishEntry From(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new PublishEntry(now.VietnamDate(), now);
    }

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
}

public static class PublishEntryEndpoint
{
    public static async Task<Versioned<EntryChanged>> Handle(Guid id, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = PublishEntry.From(time);
        return await session.RunAsync<CatalogueEntry, EntryChanged>(http, id, e => PublishEntry.Decide(command, e),
            d => new EntryChanged(id, nameof(EntryStatus.Published), d.Version));
    }
}
