using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record MonitoringStatistics(
    DateOnly From,
    DateOnly To,
    int ProjectsStarted,
    int ReportsReceived,
    int ReportsReceivedOnTime,
    int ReportsReceivedLate,
    double? OnTimeRate,
    int ReportsDueInPeriod,
    int ReportsOverdueNow,
    int ReportsDueInPeriodMissed,
    IReadOnlyDictionary<ComplianceVerdict, int> InspectionsByVerdict,
    IReadOnlyDictionary<MonitoringStatus, int> ProjectsByStatus,
    int ImplementationDelayedNow);

/// <summary>
/// Monitoring figures for a period (from/to inclusive, yyyy-MM-dd; default: this calendar year to today):
/// reports received in the period on time / late, reports due in the period (and how many of them were late or are
/// still missing), reports overdue today,
/// inspections in the period by verdict, and the current number of projects per status.
/// </summary>
public static class ProjectStatistics
{
    public static async Task<IResult> Get(string? from, string? to, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var today = clock.VietnamToday();
        var check = new InputCheck();
        var fromDate = check.Date("from", from, required: false) ?? new DateOnly(today.Year, 1, 1);
        var toDate = check.Date("to", to, required: false) ?? today;
        check.Rule(fromDate <= toDate, "to", "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", "'to' must not be before 'from'.");
        check.ThrowIfInvalid();

        var projects = await session.Query<MonitoredProject>().ToListAsync(http.RequestAborted);
        return Results.Ok(Compute(projects, fromDate, toDate, today));
    }

    public static MonitoringStatistics Compute(IReadOnlyList<MonitoredProject> projects, DateOnly from, DateOnly to, DateOnly today)
    {
        bool In(DateOnly d) => d >= from && d <= to;
        var reports = projects.SelectMany(p => p.Reports).ToList();
        var received = reports.Where(r => r.ReceivedOn is { } d && In(d)).ToList();
        var onTime = received.Count(r => r.OnTime == true);
        return new MonitoringStatistics(from, to,
            ProjectsStarted: projects.Count(p => In(DateOnly.FromDateTime(p.MonitoringStartedAt.UtcDateTime))),
            ReportsReceived: received.Count,
            ReportsReceivedOnTime: onTime,
            ReportsReceivedLate: received.Count - onTime,
            OnTimeRate: received.Count == 0 ? null : Math.Round((double)onTime / received.Count, 4),
            ReportsDueInPeriod: reports.Count(r => In(r.DueDate)),
            ReportsOverdueNow: projects.Where(p => p.Status != MonitoringStatus.Closed).SelectMany(p => p.Reports).Count(r => r.IsOverdueOn(today)),
            ReportsDueInPeriodMissed: reports.Count(r => In(r.DueDate) && (r.OnTime == false || r.IsOverdueOn(today))),
            InspectionsByVerdict: Enum.GetValues<ComplianceVerdict>().ToDictionary(v => v,
                v => projects.SelectMany(p => p.Inspections).Count(i => i.Verdict == v && In(i.InspectedOn))),
            ProjectsByStatus: Enum.GetValues<MonitoringStatus>().ToDictionary(s => s, s => projects.Count(p => p.Status == s)),
            ImplementationDelayedNow: projects.Count(p => ProjectView.FlagsOf(p, today).Contains("implementation-delayed")));
    }
}
