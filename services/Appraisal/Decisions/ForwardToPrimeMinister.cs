using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Deadlines;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Appraisal.Decisions;

/// <summary>
/// UBND tỉnh forwards a Prime Minister matter (see <see cref="PrimeMinisterMatter"/>) instead of deciding it. Only such
/// matters can be forwarded, and they can only be forwarded: approving or refusing them answers 409.
/// </summary>
public sealed record ForwardToPrimeMinister(string? Note)
{
    public void Validate() => InputCheck.Validated(check => check.Paragraphs("note", Note, required: false));

    public static IReadOnlyList<object> Decide(ForwardToPrimeMinister command, DossierAppraisal state, DateOnly today)
    {
        DecisionRules.EnsureAwaitingDecision(state);
        var grounds = PrimeMinisterMatter.Grounds(state.Summary!)
            ?? throw new RuleViolation("not-prime-minister-matter", new Bilingual(
                "Khoản viện trợ thuộc thẩm quyền của UBND tỉnh; hãy phê duyệt hoặc từ chối.",
                "This aid is for the Provincial People's Committee to decide; approve or refuse it."));
        return [new DossierForwardedToPrimeMinister(state.Id, state.ReceiptCode, grounds,
            string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(), today, state.Summary!)
        {
            DecisionDueDate = state.DecisionStage?.OriginalDueDate,
        }];
    }

    public static async Task<Ok<CommandResult>> Handle(
        Guid id, ForwardToPrimeMinister command, HttpContext http, IDocumentSession session, TimeProvider time,
        CancellationToken cancellationToken)
    {
        command.Validate();
        var today = time.VietnamToday();
        return await session.RunAsync(id, http, state => Decide(command, state, today), cancellationToken);
    }
}
