using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Security.Reviews;

public sealed record QueueItem(
    Guid Id, string ReceiptCode, string? NgoName, string? Title, string AidKind, ReviewTrack Track,
    IReadOnlyList<string> Officers, DateOnly StartedOn, DateOnly DueOn, int WorkingDaysLeft, DeadlineFlag Deadline,
    Bilingual DeadlineLabel)
{
    /// <summary>Overdue: the overdue scan prompts Công an tỉnh to issue an apology slip with a new date.</summary>
    public bool ApologyDue => Deadline == DeadlineFlag.Overdue;
}

/// <summary>The open reviews waiting for Công an tỉnh, oldest deadline first.</summary>
public static class WorkQueueEndpoint
{
    public const int MaxItems = 1000;

    public static async Task<IResult> Handle(IQuerySession session, WorkingCalendar calendar, TimeProvider clock,
        CancellationToken ct)
    {
        var today = clock.VietnamToday();
        var open = await session.Query<SecurityReview>()
            .Where(r => r.Status == ReviewStatus.Open)
            .OrderBy(r => r.DueOn).ThenBy(r => r.OpenedAt)
            .Take(MaxItems)
            .ToListAsync(ct);
        return Results.Ok(open.Select(r =>
        {
            var deadline = DeadlineStatus.Of(r.DueOn, today, calendar);
            return new QueueItem(r.Id, r.ReceiptCode, r.NgoName, r.Title, r.AidKind, r.Track, r.Officers, r.StartedOn,
                r.DueOn, deadline.WorkingDaysLeft, deadline.Flag, deadline.Label);
        }).ToList());
    }
}
