using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Donors;

public sealed record FollowUpInput(string? Action, string? Owner, DateOnly? DueDate);

public sealed record RecordDialogueRequest(
    DateOnly? HeldOn, string? Title, IReadOnlyList<Guid>? NgoIds, IReadOnlyList<Guid>? DonorIds,
    IReadOnlyList<string?>? Participants, IReadOnlyList<string?>? Topics, IReadOnlyList<FollowUpInput?>? FollowUps, string? Notes);

public sealed record CompleteFollowUpRequest(string? Outcome);

public sealed record DialogueChanged(Guid DialogueId, long Version);

public static class RecordDialogueCommand
{
    /// <summary>Who took part must be known: at least one NGO, donor or named participant.</summary>
    public static IReadOnlyList<object> Decide(DialogueRecorded recorded) =>
        recorded.NgoIds.Count + recorded.DonorIds.Count + recorded.Participants.Count == 0
            ? throw new RuleViolation("dialogue-without-participants", new Bilingual(
                "Cần nêu ít nhất một tổ chức, nhà tài trợ hoặc người tham dự.", "Name at least one NGO, donor or participant."), 422)
            : [recorded];

    public static IReadOnlyList<object> Decide(int index, string? outcome, Dialogue dialogue, DateTimeOffset now)
    {
        if (index < 0 || index >= dialogue.FollowUps.Count)
            throw new NotFound("FollowUp");
        if (dialogue.FollowUps[index].Done)
            throw new RuleViolation("follow-up-done", new Bilingual("Việc này đã hoàn thành.", "This follow-up is already done."));
        return [new FollowUpCompleted(dialogue.Id, index, outcome, now)];
    }

    public static DialogueRecorded Validate(Guid id, RecordDialogueRequest? request, DateTimeOffset now)
    {
        request ??= new RecordDialogueRequest(null, null, null, null, null, null, null, null);
        var check = new InputCheck();
        var heldOn = check.Date("heldOn", request.HeldOn) ?? default;
        var title = check.Line("title", request.Title);
        var participants = check.Lines("participants", request.Participants, 100, 300, required: false);
        var topics = check.Lines("topics", request.Topics, 50, 500);
        if (request.FollowUps is { Count: > 50 })
            check.Fail("followUps", "Tối đa 50 việc.", "At most 50 follow-ups.");
        var followUps = (request.FollowUps ?? []).Select((f, i) => new FollowUp(
            check.Line($"followUps[{i}].action", f?.Action, 1000),
            InputCheck.Optional(check.Line($"followUps[{i}].owner", f?.Owner, 300, required: false)),
            check.Date($"followUps[{i}].dueDate", f?.DueDate, required: false))).ToList();
        var notes = check.Paragraphs("notes", request.Notes, required: false);
        if (request.NgoIds is { Count: > 100 } || request.DonorIds is { Count: > 100 })
            check.Fail("ngoIds", "Tối đa 100 mục.", "At most 100 items.");
        check.ThrowIfInvalid();
        return new DialogueRecorded(id, heldOn, title, (request.NgoIds ?? []).Distinct().ToList(), (request.DonorIds ?? []).Distinct().ToList(),
            participants, topics, followUps, InputCheck.Optional(notes), now);
    }

    public static async Task<IResult> Record(
        RecordDialogueRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var events = Decide(Validate(id, request, time.GetUtcNow()));
        session.ActingAs(Actor.From(http.User), http);
        session.Events.StartStream<Dialogue>(id, events.ToArray());
        await session.SaveChangesAsync(ct);
        http.Response.Headers.ETag = "\"1\"";
        return Results.Created($"/dialogues/{id}", new DialogueChanged(id, 1));
    }

    public static async Task<IResult> CompleteFollowUp(
        Guid id, int index, CompleteFollowUpRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var check = new InputCheck();
        var outcome = check.Paragraphs("outcome", request?.Outcome, required: false);
        check.ThrowIfInvalid();
        var now = time.GetUtcNow();
        session.ActingAs(Actor.From(http.User), http);
        var decided = await session.DecideAsync<Dialogue>(id, http.Request.ExpectedVersion(),
            d => Decide(index, InputCheck.Optional(outcome), d, now), ct);
        http.Response.Headers.ETag = $"\"{decided.Version}\"";
        return Results.Ok(new DialogueChanged(id, decided.Version));
    }
}
