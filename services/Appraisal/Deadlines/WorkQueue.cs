using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Decisions;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;

namespace Aid.Appraisal.Deadlines;

public sealed record QueueEntry(
    Guid DossierId,
    string ReceiptCode,
    string? Title,
    string? NgoName,
    string AidKind,
    Stage Stage,
    DateOnly StartedOn,
    DateOnly DueDate,
    int WorkingDaysLeft,
    DeadlineFlag Flag,
    Bilingual FlagLabel,
    bool PrimeMinisterMatter)
{
    /// <summary>Overdue: the overdue scan prompts the agency to issue an apology slip with a new date.</summary>
    public bool ApologyDue => Flag == DeadlineFlag.Overdue;
}

/// <summary>What waits for an agency: oldest deadline first, with working days left and the deadline flag.</summary>
public static class WorkQueue
{
    public static IReadOnlyList<QueueEntry> Of(
        IEnumerable<(DossierAppraisal Appraisal, Stage Stage, StageClock Clock)> waiting, DateOnly today, WorkingCalendar calendar) =>
        waiting
            .Select(w =>
            {
                var flag = DeadlineFlags.Of(w.Clock, today, calendar);
                var summary = w.Appraisal.Summary!;
                return new QueueEntry(w.Appraisal.Id, w.Appraisal.ReceiptCode, summary.Title, summary.NgoName, summary.AidKind,
                    w.Stage, w.Clock.StartedOn, w.Clock.DueDate, w.Clock.WorkingDaysLeft(today, calendar), flag,
                    DeadlineFlags.Label(flag), PrimeMinisterMatter.Grounds(summary) is not null);
            })
            .OrderBy(e => e.DueDate).ThenBy(e => e.StartedOn).ThenBy(e => e.ReceiptCode)
            .ToList();
}
