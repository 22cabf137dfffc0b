using Aid.Contracts.Security;
using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Security.Reviews;

/// <summary>
/// For a period: reviews received (opened) in it, reviews completed (concluded) in it on time or late, and the
/// reviews still open today that started by the end of the period, by deadline status. On-time rate = completed
/// on time / completed.
/// </summary>
public static class ReviewStatisticsEndpoint
{
    public static async Task<Ok<StageStatistics>> Handle(string? from, string? to, IQuerySession session, WorkingCalendar calendar,
        TimeProvider clock, CancellationToken ct)
    {
        var check = new InputCheck();
        var start = check.Date("from", from);
        var end = check.Date("to", to);
        check.Rule(!(end < start), "to", "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", "'to' must not be before 'from'.");
        check.ThrowIfInvalid();

        var reviews = await session.Query<SecurityReview>().Where(r => r.StartedOn <= end!.Value).ToListAsync(ct);
        return TypedResults.Ok(Compute(reviews, start!.Value, end!.Value, clock.VietnamToday(), calendar));
    }

    public static StageStatistics Compute(
        IReadOnlyList<SecurityReview> reviews, DateOnly from, DateOnly to, DateOnly today, WorkingCalendar calendar)
    {
        bool InPeriod(DateOnly? day) => day is { } d && d >= from && d <= to;
        var open = reviews.Where(r => r.Status == ReviewStatus.Open && r.StartedOn <= to)
            .Select(r => DeadlineStatus.Of(r.DueOn, today, calendar).Flag).ToList();
        var completed = reviews.Where(r => r.Status == ReviewStatus.Concluded && InPeriod(r.EndedOn)).ToList();
        var onTime = completed.Count(r => r.OnTime == true);
        return new StageStatistics(
            WorkStage.Security, Agencies.Police.Code, from, to,
            Received: reviews.Count(r => InPeriod(r.StartedOn)),
            new InProgressCounts(open.Count(f => f == DeadlineFlag.OnTime), open.Count(f => f == DeadlineFlag.NearlyDue),
                open.Count(f => f == DeadlineFlag.Overdue), 0, open.Count),
            new CompletedCounts(onTime, completed.Count - onTime, completed.Count),
            Withdrawn: reviews.Count(r => r.Status == ReviewStatus.Withdrawn && InPeriod(r.EndedOn)),
            OnTimeRate: completed.Count == 0 ? null : Math.Round((double)onTime / completed.Count, 4));
    }
}
