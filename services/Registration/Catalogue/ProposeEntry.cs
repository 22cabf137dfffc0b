using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Catalogue;

/// <summary>An optional client-chosen <paramref name="Id"/> makes a repeated proposal a 409, not a duplicate.</summary>
public sealed record ProposeEntryRequest(Guid? Id, EntryInput? Entry);

public sealed record ProposeEntry(Guid EntryId, EntryContent Content, string ProposingAgency, DateTimeOffset Now);

public static class ProposeEntryCommand
{
    public static IReadOnlyList<object> Decide(ProposeEntry command) =>
        [new CatalogueEntryProposed(command.EntryId, command.Content, command.ProposingAgency, command.Now)];

    public static async Task<IResult> Handle(
        ProposeEntryRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var check = new InputCheck();
        if (request?.Id == Guid.Empty)
            check.Fail("id", "Mã định danh không hợp lệ.", "Invalid id.");
        var content = check.Content(request?.Entry);
        check.ThrowIfInvalid();
        var actor = Actor.From(http.User);
        var id = request!.Id ?? Guid.CreateVersion7();
        if (request.Id is not null && await session.Events.FetchStreamStateAsync(id, ct) is not null)
            throw new RuleViolation("entry-already-proposed", new Bilingual("Đề xuất này đã được gửi.", "This entry was already proposed."));

        var events = Decide(new ProposeEntry(id, content, actor.Agency, time.GetUtcNow()));
        session.ActingAs(actor, http);
        session.Events.StartStream<CatalogueEntry>(id, events.ToArray());
        await session.SaveChangesAsync(ct);
        http.Response.Headers.ETag = "\"1\"";
        return Results.Created($"/catalogue/entries/{id}", new EntryChanged(id, nameof(EntryStatus.Proposed), 1));
    }
}
