using Aid.Contracts.Monitoring;
using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Desks;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Monitoring.Projects;

/// <summary>
/// The monitoring officers' work queue: every open project at the report it owes first (the oldest overdue, else the
/// next due), searched, filtered, sorted (soonest first) and paged. Nearly due means at most 2 working days left.
/// Monitoring issues no apology slips.
/// </summary>
public static class ProjectQueue
{
    public static readonly IReadOnlyList<WorkStage> Stages = [WorkStage.ProgressReport];

    public static async Task<Ok<QueuePage<WorkItem>>> Get([AsParameters] QueueParameters parameters, IQuerySession session,
        TimeProvider clock, WorkingCalendar calendar, CancellationToken ct)
    {
        var query = QueueQuery.Read(parameters, Stages);
        var today = clock.VietnamToday();
        var (page, total) = await WorkQueues.PageAsync(session.Query<MonitoredProject>().Where(p => p.Status != MonitoringStatus.Closed),
            query, today, calendar, ct);
        return TypedResults.Ok(new QueuePage<WorkItem>(
            page.Select(p => WorkQueues.Line(p, p.Id, p.Title, today, calendar, apologyDue: false) with { ReportKey = p.PendingReport()?.Key })
                .ToList(), total, query.Page, query.PageSize));
    }
}
