using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Catalogue;

public sealed record EntryChanged(Guid EntryId, string Status, long Version);

public static class CatalogueRules
{
    public static void EnsureStatus(CatalogueEntry entry, EntryStatus status, Bilingual action)
    {
        if (entry.Status != status)
            throw new RuleViolation("wrong-entry-status", new Bilingual(
                $"Không thể {action.Vi}: đề xuất đang ở trạng thái \"{StatusLabel(entry.Status).Vi}\".",
                $"Cannot {action.En}: the entry is {StatusLabel(entry.Status).En}."));
    }

    public static Bilingual StatusLabel(EntryStatus status) => status switch
    {
        EntryStatus.Proposed => new("chờ Sở Ngoại vụ xem xét", "waiting for review by Sở Ngoại vụ"),
        EntryStatus.Returned => new("đã trả lại để chỉnh sửa", "returned for changes"),
        _ => new("đã công bố", "published"),
    };

    /// <summary>Commune and department proposers see only their own agency's proposals; others answer 404.</summary>
    public static bool MaySee(this Actor actor, CatalogueEntry entry) =>
        actor.Role != Roles.LocalProposer || entry.ProposingAgency == actor.Agency;

    public static async Task<CatalogueEntry> LoadVisibleAsync(this IQuerySession session, Guid id, Actor actor, CancellationToken ct)
    {
        var entry = await session.LoadAsync<CatalogueEntry>(id, ct) ?? throw new NotFound("CatalogueEntry");
        if (!actor.MaySee(entry))
            throw new NotFound("CatalogueEntry", hidden: true);
        return entry;
    }
}
