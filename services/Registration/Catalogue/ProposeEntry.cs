using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Catalogue;

/// <summary>An optional client-chosen <paramref name="Id"/> makes a repeated proposal a 409, not a duplicate.</summary>
public sealed record ProposeEntryRequest(Guid? Id, EntryInput? Entry);

public sealed record ProposeEntry(Guid EntryId, EntryContent Content, string ProposingAgency, DateTimeOffset Now)
{
    public static ProposeEntry From(ProposeEntryRequest? request, Actor actor, TimeProvider clock)
    {
        var check = new InputCheck();
        if (request?.Id == Guid.Empty)
            check.Fail("id", "Mã định danh không hợp lệ.", "Invalid id.");
        var content = check.Content(request?.Entry);
        check.ThrowIfInvalid();
        return new ProposeEntry(request!.Id ?? Guid.CreateVersion7(), content, actor.Agency, clock.GetUtcNow());
    }

    public static IReadOnlyList<object> Decide(ProposeEntry command) =>
        [new CatalogueEntryProposed(command.EntryId, command.Content, command.ProposingAgency, command.Now)];
}

public static class ProposeEntryEndpoint
{
    public static async Task<Versioned<EntryChanged>> Handle(
        ProposeEntryRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = ProposeEntry.From(request, Actor.From(http.User), time);
        var id = command.EntryId;
        if (request.Id is not null && await session.Events.FetchStreamStateAsync(id, ct) is not null)
            throw new RuleViolation("entry-already-proposed", new Bilingual("Đề xuất này đã được gửi.", "This entry was already proposed."));
        return await session.StartAsync<CatalogueEntry, EntryChanged>(http, id, ProposeEntry.Decide(command),
            $"/catalogue/entries/{id}", version => new EntryChanged(id, nameof(EntryStatus.Proposed), version));
    }
}
