using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Decisions;
using Aid.Domain.Apologies;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Marten;

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
}

public static class IssueApologySlipEndpoint
{
    public static Task<Versioned<CommandResult>> ForAppraisal(Guid id, IssueApologyRequest? request, HttpContext http, IDocumentSession session,
        TimeProvider time, DeadlinePlanner planner) =>
        Handle(id, Stage.Appraisal, request, http, session, time, planner);

    public static Task<Versioned<CommandResult>> ForDecision(Guid id, IssueApologyRequest? request, HttpContext http, IDocumentSession session,
        TimeProvider time, DeadlinePlanner planner) =>
        Handle(id, Stage.Decision, request, http, session, time, planner);

    private static async Task<Versioned<CommandResult>> Handle(Guid id, Stage stage, IssueApologyRequest? request, HttpContext http,
        IDocumentSession session, TimeProvider time, DeadlinePlanner planner)
    {
        var command = IssueApology.From(request, Actor.From(http.User), time);
        return await session.RunAsync<DossierAppraisal, CommandResult>(http, id,
            state => IssueApologySlip.Decide(command, stage, state, planner.Calendar), d => new CommandResult(id, d.Version));
    }
}
