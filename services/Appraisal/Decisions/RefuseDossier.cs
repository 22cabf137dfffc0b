using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Deadlines;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Appraisal.Decisions;

public sealed record RefuseDossierRequest(string? Reasons);

/// <summary>UBND tỉnh refuses the aid, with reasons.</summary>
public sealed record RefuseDossier(string Reasons, DateOnly Today)
{
    public static RefuseDossier From(RefuseDossierRequest request, DateOnly today) =>
        new(InputCheck.Validated(check => check.Paragraphs("reasons", request.Reasons)), today);

    public static IReadOnlyList<object> Decide(RefuseDossier command, DossierAppraisal state)
    {
        DecisionRules.EnsureAwaitingDecision(state);
        DecisionRules.EnsureProvincialMatter(state);
        return [new DossierRefused(state.Id, state.ReceiptCode, command.Reasons, command.Today, state.Summary!)
        {
            DecisionDueDate = state.DecisionStage?.OriginalDueDate,
        }];
    }

}

public static class RefuseDossierEndpoint
{
    public static async Task<Versioned<CommandResult>> Handle(
        Guid id, RefuseDossierRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = RefuseDossier.From(request, time.VietnamToday());
        return await session.RunAsync<DossierAppraisal, CommandResult>(http, id, state => RefuseDossier.Decide(command, state),
            d => new CommandResult(id, d.Version));
    }
}
