using Aid.Contracts.Security;
using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Desks;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Security.Reviews;

/// <summary>The open reviews waiting for Công an tỉnh: searched, filtered, sorted (soonest deadline first) and paged.</summary>
public static class WorkQueueEndpoint
{
    public static readonly IReadOnlyList<WorkStage> Stages = [WorkStage.Security];

    public static async Task<Ok<QueuePage<WorkItem>>> Handle([AsParameters] QueueParameters parameters, IQuerySession session,
        WorkingCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var query = QueueQuery.Read(parameters, Stages);
        var today = clock.VietnamToday();
        var (page, total) = await WorkQueues.PageAsync(session.Query<SecurityReview>().Where(r => r.Status == ReviewStatus.Open),
            query, today, calendar, ct);
        return TypedResults.Ok(new QueuePage<WorkItem>(
            page.Select(r => WorkQueues.Line(r, r.Id, r.Title, today, calendar)).ToList(), total, query.Page, query.PageSize));
    }
}
