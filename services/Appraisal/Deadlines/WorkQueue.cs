using Aid.Appraisal.Appraisals;
using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Desks;
using Marten;

namespace Aid.Appraisal.Deadlines;

/// <summary>What waits for an agency: searched, filtered, sorted (soonest deadline first) and paged in the database.</summary>
public static class WorkQueue
{
    public static async Task<QueuePage<WorkItem>> PageAsync(IQueryable<DossierAppraisal> waiting, QueueParameters parameters,
        IReadOnlyCollection<WorkStage> stages, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        var query = QueueQuery.Read(parameters, stages);
        var (page, total) = await WorkQueues.PageAsync(waiting, query, today, calendar, ct);
        return new QueuePage<WorkItem>(
            page.Select(a => WorkQueues.Line(a, a.Id, a.Summary?.Title, today, calendar)).ToList(), total, query.Page, query.PageSize);
    }
}
