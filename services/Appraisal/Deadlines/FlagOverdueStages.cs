using Aid.Appraisal.Appraisals;
using Aid.Domain.Calendar;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Deadlines;

/// <summary>Flags each running stage (opinions, appraisal, decision) once, on the first day after its due date.</summary>
public static class FlagOverdueStages
{
    public static IReadOnlyList<object> Decide(DossierAppraisal state, DateOnly today)
    {
        var events = new List<object>();
        void FlagIfOverdue(Stage stage, StageClock? clock)
        {
            if (clock is { OverdueFlagged: false } && clock.IsOverdueOn(today))
                events.Add(new StageBecameOverdue(state.Id, stage, clock.DueDate, today));
        }

        if (state.Status == AppraisalStatus.Appraising)
        {
            FlagIfOverdue(Stage.Opinions, state.OpinionsStage);
            FlagIfOverdue(Stage.Appraisal, state.AppraisalStage);
        }
        else if (state.Status == AppraisalStatus.AwaitingDecision)
            FlagIfOverdue(Stage.Decision, state.DecisionStage);
        return events;
    }
}
