using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;

namespace Aid.Appraisal.Deadlines;

public sealed record InProgressCounts(int Total, int OnTime, int NearlyDue, int Overdue);

/// <summary>One agency's stage over a period: received, in progress now, completed on time / late, on-time rate.</summary>
public sealed record StageStatistics(
    string Agency, Stage Stage, DateOnly From, DateOnly To, int Received, InProgressCounts InProgress,
    int CompletedOnTime, int CompletedLate, double? OnTimeRate)
{
    /// <summary>
    /// Received: stages started in the period. In progress: stages running today that started by the end of the
    /// period, by deadline flag. Completed: stages ended in the period (on time = ended on or before the due date).
    /// </summary>
    public static StageStatistics Compute(
        string agency, Stage stage, IEnumerable<(StageClock Clock, bool Running)> clocks, DateOnly from, DateOnly to,
        DateOnly today, WorkingCalendar calendar)
    {
        var all = clocks.ToList();
        var running = all.Where(c => c.Running && c.Clock.StartedOn <= to)
            .Select(c => DeadlineFlags.Of(c.Clock, today, calendar)).ToList();
        var completed = all.Where(c => c.Clock.EndedOn is { } ended && ended >= from && ended <= to).ToList();
        var onTime = completed.Count(c => c.Clock.EndedOnTime == true);
        return new StageStatistics(agency, stage, from, to,
            Received: all.Count(c => c.Clock.StartedOn >= from && c.Clock.StartedOn <= to),
            new InProgressCounts(running.Count, running.Count(f => f == DeadlineFlag.OnTime),
                running.Count(f => f == DeadlineFlag.NearlyDue), running.Count(f => f == DeadlineFlag.Overdue)),
            onTime, completed.Count - onTime,
            completed.Count == 0 ? null : Math.Round((double)onTime / completed.Count, 4));
    }

    /// <summary>Reads ?from=yyyy-MM-dd&amp;to=yyyy-MM-dd, naming the field when it is missing or wrong.</summary>
    public static (DateOnly From, DateOnly To) Period(string? from, string? to)
    {
        var check = new InputCheck();
        var fromDate = check.Date("from", from);
        var toDate = check.Date("to", to);
        if (check.IsValid("from") && check.IsValid("to"))
            check.Rule(toDate >= fromDate, "to", "Ngày kết thúc trước ngày bắt đầu.", "The end is before the start.");
        check.ThrowIfInvalid();
        return (fromDate!.Value, toDate!.Value);
    }
}
