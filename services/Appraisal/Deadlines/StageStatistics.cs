using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.Domain.Rules;

namespace Aid.Appraisal.Deadlines;

/// <summary>One agency's stage over a period: received, in progress now, completed on time / late, on-time rate.</summary>
public static class StagePeriod
{
    /// <summary>
    /// Received: stages started in the period. In progress: stages running today that started by the end of the
    /// period, by deadline flag. Completed: stages ended in the period (on time = ended on or before the due date).
    /// Withdrawals are not counted apart here.
    /// </summary>
    public static StageStatistics Compute(
        string agency, WorkStage stage, IEnumerable<(StageClock Clock, bool Running)> clocks, DateOnly from, DateOnly to,
        DateOnly today, WorkingCalendar calendar)
    {
        var all = clocks.ToList();
        var running = all.Where(c => c.Running && c.Clock.StartedOn <= to)
            .Select(c => DeadlineFlags.Of(c.Clock, today, calendar)).ToList();
        var completed = all.Where(c => c.Clock.EndedOn is { } ended && ended >= from && ended <= to).ToList();
        var onTime = completed.Count(c => c.Clock.EndedOnTime == true);
        return new StageStatistics(stage, agency, from, to,
            Received: all.Count(c => c.Clock.StartedOn >= from && c.Clock.StartedOn <= to),
            new InProgressCounts(running.Count(f => f == DeadlineFlag.OnTime), running.Count(f => f == DeadlineFlag.NearlyDue),
                running.Count(f => f == DeadlineFlag.Overdue), 0, running.Count),
            new CompletedCounts(onTime, completed.Count - onTime, completed.Count),
            Withdrawn: 0,
            completed.Count == 0 ? null : Math.Round((double)onTime / completed.Count, 4));
    }

    /// <summary>Reads ?from=yyyy-MM-dd&amp;to=yyyy-MM-dd, naming the field when it is missing or wrong.</summary>
    public static (DateOnly From, DateOnly To) Read(string? from, string? to)
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

/// <summary>
/// The Prime Minister's share of forwarded dossiers, apart from UBND tỉnh's decision stage (which ends at forwarding and
/// is judged on time or late then): forwarded in the period, still awaiting the Prime Minister today, decided (document
/// dated) in the period, and the average working days from forwarding to the document for those.
/// </summary>
public static class PrimeMinisterTime
{
    public static PrimeMinisterFigures Compute(
        IEnumerable<(DateOnly ForwardedOn, DateOnly? DecidedOn)> forwarded, DateOnly from, DateOnly to, WorkingCalendar calendar)
    {
        var all = forwarded.ToList();
        var decided = all.Where(f => f.DecidedOn is { } d && d >= from && d <= to)
            .Select(f => calendar.WorkingDaysBetween(f.ForwardedOn, f.DecidedOn!.Value)).ToList();
        return new PrimeMinisterFigures(
            all.Count(f => f.ForwardedOn >= from && f.ForwardedOn <= to), all.Count(f => f.DecidedOn is null), decided.Count,
            decided.Count == 0 ? null : Math.Round(decided.Average(), 2));
    }
}
