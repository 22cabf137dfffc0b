using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Deadlines;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Appraisal.Decisions;

public sealed record ForwardToPrimeMinisterRequest(string? Note);

/// <summary>
/// UBND tỉnh forwards a Prime Minister matter (see <see cref="PrimeMinisterMatter"/>) instead of deciding it. Only such
/// matters can be forwarded, and they can only be forwarded: approving or refusing them answers 409.
/// </summary>
public sealed record ForwardToPrimeMinister(string? Note, DateOnly Today)
{
    public static ForwardToPrimeMinister From(ForwardToPrimeMinisterRequest request, DateOnly today) =>
        new(InputCheck.Optional(InputCheck.Validated(check => check.Paragraphs("note", request.Note, required: false))), today);

    public static IReadOnlyList<object> Decide(ForwardToPrimeMinister command, DossierAppraisal state)
    {
        DecisionRules.EnsureAwaitingDecision(state);
        var grounds = PrimeMinisterMatter.Grounds(state.Summary!)
            ?? throw new RuleViolation("not-prime-minister-matter", new Bilingual(
                "Khoản viện trợ thuộc thẩm quyền của UBND tỉnh; hãy phê duyệt hoặc từ chối.",
                "This aid is for the Provincial People's Committee to decide; approve or refuse it."));
        return [new DossierForwardedToPrimeMinister(state.Id, state.ReceiptCode, grounds,
            command.Note, command.Today, state.Summary!)
        {
            DecisionDueDate = state.DecisionStage?.OriginalDueDate,
        }];
    }

}

public static class ForwardToPrimeMinisterEndpoint
{
    public static async Task<Versioned<CommandResult>> Handle(
        Guid id, ForwardToPrimeMinisterRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = ForwardToPrimeMinister.From(request, time.VietnamToday());
        return await session.RunAsync<DossierAppraisal, CommandResult>(http, id, state => ForwardToPrimeMinister.Decide(command, state),
            d => new CommandResult(id, d.Version));
    }
}
