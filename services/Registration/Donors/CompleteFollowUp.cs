using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Donors;

public sealed record CompleteFollowUpRequest(string? Outcome);

/// <summary><paramref name="Index"/>: the follow-up's place in the dialogue's list, from 0.</summary>
public sealed record CompleteFollowUp(int Index, string? Outcome, DateTimeOffset Now)
{
    public static CompleteFollowUp From(int index, CompleteFollowUpRequest? request, TimeProvider clock) => new(index,
        InputCheck.Optional(InputCheck.Validated(check => check.Paragraphs("outcome", request?.Outcome, required: false))), clock.GetUtcNow());

    public static IReadOnlyList<object> Decide(CompleteFollowUp command, Dialogue dialogue)
    {
        if (command.Index < 0 || command.Index >= dialogue.FollowUps.Count)
            throw new NotFound("FollowUp");
        if (dialogue.FollowUps[command.Index].Done)
            throw new RuleViolation("follow-up-done", new Bilingual("Việc này đã hoàn thành.", "This follow-up is already done."));
        return [new FollowUpCompleted(dialogue.Id, command.Index, command.Outcome, command.Now)];
    }
}

public static class CompleteFollowUpEndpoint
{
    public static async Task<Versioned<DialogueChanged>> Handle(
        Guid id, int index, CompleteFollowUpRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = CompleteFollowUp.From(index, request, time);
        return await session.RunAsync<Dialogue, DialogueChanged>(http, id, d => CompleteFollowUp.Decide(command, d),
            d => new DialogueChanged(id, d.Version));
    }
}
