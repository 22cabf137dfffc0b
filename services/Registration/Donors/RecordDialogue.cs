using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Donors;

public sealed record FollowUpInput(string? Action, string? Owner, DateOnly? DueDate);

public sealed record RecordDialogueRequest(
    DateOnly? HeldOn, string? Title, IReadOnlyList<Guid>? NgoIds, IReadOnlyList<Guid>? DonorIds,
    IReadOnlyList<string?>? Participants, IReadOnlyList<string?>? Topics, IReadOnlyList<FollowUpInput?>? FollowUps, string? Notes);

public sealed record DialogueChanged(Guid DialogueId, long Version);

/// <summary>The dialogue, checked, as it is to be recorded.</summary>
public sealed record RecordDialogue(DialogueRecorded Dialogue)
{
    public static RecordDialogue From(RecordDialogueRequest? request, TimeProvider clock)
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
        return new RecordDialogue(new DialogueRecorded(Guid.CreateVersion7(), heldOn, title, (request.NgoIds ?? []).Distinct().ToList(),
            (request.DonorIds ?? []).Distinct().ToList(), participants, topics, followUps, InputCheck.Optional(notes), clock.GetUtcNow()));
    }

    /// <summary>Who took part must be known: at least one NGO, donor or named participant.</summary>
    public static IReadOnlyList<object> Decide(RecordDialogue command)
    {
        var d = command.Dialogue;
        return d.NgoIds.Count + d.DonorIds.Count + d.Participants.Count == 0
            ? throw new RuleViolation("dialogue-without-participants", new Bilingual(
                "Cần nêu ít nhất một tổ chức, nhà tài trợ hoặc người tham dự.", "Name at least one NGO, donor or participant."), 422)
            : [d];
    }
}

public static class RecordDialogueEndpoint
{
    public static async Task<Versioned<DialogueChanged>> Handle(
        RecordDialogueRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = RecordDialogue.From(request, time);
        var id = command.Dialogue.DialogueId;
        return await session.StartAsync<Dialogue, DialogueChanged>(http, id, RecordDialogue.Decide(command),
            $"/dialogues/{id}", version => new DialogueChanged(id, version));
    }
}
