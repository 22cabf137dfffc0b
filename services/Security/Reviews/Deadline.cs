using Aid.Contracts.Desks;
using Aid.Domain.Calendar;

namespace Aid.Security.Reviews;

/// <summary>Where an open stage stands against its due date, in working days.</summary>
public sealed record DeadlineStatus(int WorkingDaysLeft, DeadlineFlag Flag)
{
    public const int NearlyDueWorkingDays = 2;

    public static DeadlineStatus Of(DateOnly dueOn, DateOnly today, WorkingCalendar calendar)
    {
        if (today > dueOn)
            return new(-Math.Max(1, calendar.WorkingDaysBetween(dueOn, today)), DeadlineFlag.Overdue);
        var left = calendar.WorkingDaysBetween(today, dueOn);
        return left <= NearlyDueWorkingDays
            ? new(left, DeadlineFlag.NearlyDue)
            : new(left, DeadlineFlag.OnTime);
    }
}
