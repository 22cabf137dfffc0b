using Aid.ServiceDefaults.Calendar;
using Marten;

namespace Aid.Monitoring.Projects;

public enum QueueFlag { OnTime, NearlyDue, Overdue }

public sealed record QueueItem(
    Guid ProjectId, string ReceiptCode, string Title, MonitoringStatus Status, string ReportKey, ReportKind Kind,
    DateOnly DueDate, int DaysLeft, int WorkingDaysLeft, QueueFlag Flag);

/// <summary>
/// The monitoring officers' work queue: for every open project, each report already overdue and the next one
/// due, soonest first. Days left are calendar and working days (negative when overdue); nearly due means at most
/// 2 working days left.
/// </summary>
public static class ProjectQueue
{
    public const int NearlyDueWorkingDays = 2;

    public static async Task<IResult> Get(IQuerySession session, TimeProvider clock, WorkingCalendar calendar, HttpContext http)
    {
        var today = clock.VietnamToday();
        var open = await session.Query<MonitoredProject>().Where(p => p.Status != MonitoringStatus.Closed).ToListAsync(http.RequestAborted);
        return Results.Ok(Build(open, today, calendar));
    }

    public static IReadOnlyList<QueueItem> Build(IEnumerable<MonitoredProject> projects, DateOnly today, WorkingCalendar calendar) =>
        projects.SelectMany(p => Pending(p, today).Select(r =>
            {
                var workingDaysLeft = calendar.WorkingDaysBetween(today, r.DueDate);
                var flag = today > r.DueDate ? QueueFlag.Overdue
                    : workingDaysLeft <= NearlyDueWorkingDays ? QueueFlag.NearlyDue : QueueFlag.OnTime;
                return new QueueItem(p.Id, p.ReceiptCode, p.Title, p.Status, r.Key, r.Kind, r.DueDate,
                    r.DueDate.DayNumber - today.DayNumber, workingDaysLeft, flag);
            }))
            .OrderBy(i => i.DueDate).ThenBy(i => i.ReceiptCode)
            .ToList();

    private static IEnumerable<ReportSlot> Pending(MonitoredProject project, DateOnly today)
    {
        var waiting = project.Reports.Where(r => !r.Received).OrderBy(r => r.DueDate).ToList();
        return waiting.Where(r => r.IsOverdueOn(today)).Concat(waiting.Where(r => !r.IsOverdueOn(today)).Take(1));
    }
}
