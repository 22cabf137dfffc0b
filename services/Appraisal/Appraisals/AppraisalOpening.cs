using Aid.Domain.Calendar;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Appraisals;

/// <summary>
/// The sequence rule: the appraisal opens when, and only when, security has concluded AND the dossier summary is
/// known, whichever arrives last. Due date: opening date + opinions + appraisal working days for the aid kind.
/// </summary>
public sealed record AppraisalOpening(DateOnly Today, WorkingCalendar Calendar, StageDeadlines Deadlines)
{
    /// <summary>The received fact, followed by the opening when it completes what the appraisal waited for.</summary>
    public IReadOnlyList<object> AfterReceiving(DossierAppraisal? state, object received)
    {
        var after = DossierAppraisal.After(state, received)!;
        if (after is not { Status: AppraisalStatus.Pending, Summary: { } summary, Security: not null })
            return [received];

        var workingDays = Deadlines.WorkingDaysFor(summary.AidKind, Stage.Opinions)
            + Deadlines.WorkingDaysFor(summary.AidKind, Stage.Appraisal);
        return [received, new AppraisalOpened(after.Id, after.ReceiptCode, Today, Calendar.AddWorkingDays(Today, workingDays))];
    }
}
