using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Decisions;
using Aid.ServiceDefaults.Apologies;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Identity;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Appraisal.Deadlines;

/// <summary>
/// The agency holding the dossier ran late: Sở Tài chính's appraiser (stage Appraisal, while appraising) or UBND tỉnh's
/// decision-maker (stage Decision, while awaiting the decision) issues an apology slip with a new due date (see
/// <see cref="IssueApology"/>). Only once the stage's current due date has passed; another may follow.
/// </summary>
public static class IssueApologySlip
{
    public static IReadOnlyList<object> Decide(IssueApology command, Stage stage, DossierAppraisal state, WorkingCalendar calendar)
    {
        if (stage == Stage.Decision)
            DecisionRules.EnsureAwaitingDecision(state);
        else
            AppraisalRules.EnsureAppraising(state);
        var clock = stage == Stage.Decision ? state.DecisionStage! : state.AppraisalStage!;
        return [new ApologySlipIssued(state.Id, state.ReceiptCode, stage, command.SlipFor(clock.DueDate, calendar))];
    }

    public static Task<Ok<CommandResult>> ForAppraisal(Guid id, IssueApologyRequest? request, HttpContext http, IDocumentSession session,
        TimeProvider time, DeadlinePlanner planner, CancellationToken cancellationToken) =>
        Handle(id, Stage.Appraisal, request, http, session, time, planner, cancellationToken);

    public static Task<Ok<CommandResult>> ForDecision(Guid id, IssueApologyRequest? request, HttpContext http, IDocumentSession session,
        TimeProvider time, DeadlinePlanner planner, CancellationToken cancellationToken) =>
        Handle(id, Stage.Decision, request, http, session, time, planner, cancellationToken);

    private static async Task<Ok<CommandResult>> Handle(Guid id, Stage stage, IssueApologyRequest? request, HttpContext http,
        IDocumentSession session, TimeProvider time, DeadlinePlanner planner, CancellationToken cancellationToken)
    {
        var command = IssueApology.From(request, Actor.From(http.User), time);
        return await session.RunAsync(id, http, state => Decide(command, stage, state, planner.Calendar), cancellationToken);
    }
}
