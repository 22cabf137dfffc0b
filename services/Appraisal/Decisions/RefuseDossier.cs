using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Deadlines;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Appraisal.Decisions;

/// <summary>UBND tỉnh refuses the aid, with reasons.</summary>
public sealed record RefuseDossier(string? Reasons)
{
    public void Validate() => InputCheck.Validated(check => check.Paragraphs("reasons", Reasons));

    public static IReadOnlyList<object> Decide(RefuseDossier command, DossierAppraisal state, DateOnly today)
    {
        DecisionRules.EnsureAwaitingDecision(state);
        DecisionRules.EnsureProvincialMatter(state);
        return [new DossierRefused(state.Id, state.ReceiptCode, command.Reasons!.Trim(), today, state.Summary!)
        {
            DecisionDueDate = state.DecisionStage?.OriginalDueDate,
        }];
    }

    public static async Task<Ok<CommandResult>> Handle(
        Guid id, RefuseDossier command, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        command.Validate();
        var today = time.VietnamToday();
        return await session.RunAsync(id, http, state => Decide(command, state, today), cancellationToken);
    }
}
