using Aid.Monitoring.Projects;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Recognition;

public sealed record DecideCommendationRequest(string? Outcome, string? DecisionNumber, string? Note);

public sealed record DecideCommendation(CommendationOutcome Outcome, string? DecisionNumber, string? Note, string By, DateOnly Today)
{
    /// <summary>A commendation needs the number of UBND tỉnh's decision; declining needs a note saying why.</summary>
    public static DecideCommendation From(DecideCommendationRequest request, string by, DateOnly today)
    {
        var check = new InputCheck();
        var outcome = check.OneOf<CommendationOutcome>("outcome", request.Outcome);
        var decisionNumber = check.Line("decisionNumber", request.DecisionNumber, 100, required: outcome == CommendationOutcome.Commended);
        var note = check.Paragraphs("note", request.Note, required: outcome == CommendationOutcome.NotCommended);
        check.ThrowIfInvalid();
        return new(outcome!.Value, InputCheck.Optional(decisionNumber), InputCheck.Optional(note), by, today);
    }

    public static IReadOnlyList<object> Decide(DecideCommendation command, NgoCommendations commendations)
    {
        var pending = commendations.Pending ?? throw new RuleViolation("no-pending-proposal", new Bilingual(
            "Không có đề nghị khen thưởng nào đang chờ quyết định cho tổ chức này.",
            "No commendation proposal for this NGO is awaiting a decision."));
        return [new CommendationDecided(pending.Id, command.Outcome, command.DecisionNumber, command.Note, command.By, command.Today)];
    }

}

public static class DecideCommendationEndpoint
{
    public static async Task<Versioned<NgoCommendations>> Handle(
        Guid ngoId, DecideCommendationRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var command = DecideCommendation.From(request, Actor.From(http.User).UserId, clock.VietnamToday());
        return await session.RunAsync<NgoCommendations, NgoCommendations>(http, ngoId, c => DecideCommendation.Decide(command, c),
            async _ => (await session.LoadAsync<NgoCommendations>(ngoId, http.RequestAborted))!);
    }
}
