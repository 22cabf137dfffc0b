using Aid.Contracts.Desks;
using Aid.Domain.Calendar;

namespace Aid.Appraisal.Deadlines;

/// <summary>
/// When a stage started, when it is due (the last allowed day), when it ended, and whether it was flagged overdue.
/// An apology slip moves <see cref="DueDate"/> (the queue and the overdue scan follow it); whether the stage ended on
/// time is judged against <see cref="OriginalDueDate"/>, the due date before the first slip, so it stays late.
/// </summary>
public sealed record StageClock(DateOnly StartedOn, DateOnly DueDate, DateOnly? EndedOn = null, bool OverdueFlagged = false,
    DateOnly? DueDateBeforeApology = null)
{
    public bool IsRunning => EndedOn is null;

    public DateOnly OriginalDueDate => DueDateBeforeApology ?? DueDate;

    public bool? EndedOnTime => EndedOn is { } ended ? ended <= OriginalDueDate : null;

    /// <summary>The slip's new due date; the scan may flag the stage again once it passes.</summary>
    public StageClock Apologised(DateOnly newDueDate) =>
        this with { DueDate = newDueDate, DueDateBeforeApology = OriginalDueDate, OverdueFlagged = false };

    public StageClock End(DateOnly on) => IsRunning ? this with { EndedOn = on } : this;

    /// <summary>Working days left until the due date (0 on the due date itself, negative once overdue).</summary>
    public int WorkingDaysLeft(DateOnly today, WorkingCalendar calendar) => calendar.WorkingDaysBetween(today, DueDate);

    public bool IsOverdueOn(DateOnly today) => IsRunning && today > DueDate;
}

public static class DeadlineFlags
{
    /// <summary>Nearly due: two working days or fewer left.</summary>
    public const int NearlyDueWorkingDays = 2;

    public static DeadlineFlag Of(StageClock clock, DateOnly today, WorkingCalendar calendar) =>
        clock.IsOverdueOn(today) ? DeadlineFlag.Overdue
        : clock.WorkingDaysLeft(today, calendar) <= NearlyDueWorkingDays ? DeadlineFlag.NearlyDue
        : DeadlineFlag.OnTime;
}
