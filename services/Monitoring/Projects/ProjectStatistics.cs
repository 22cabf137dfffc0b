using Aid.Contracts.Monitoring;
using Aid.Domain.Calendar;
using Aid.Domain.Rules;
using Aid.Contracts.Desks;
using Aid.Domain.Province;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Monitoring.Projects;

/// <summary>
/// Monitoring figures for a period (from/to inclusive, yyyy-MM-dd; default: this calendar year to today):
/// reports received in the period on time / late, reports due in the period (and how many of them were late or are
/// still missing), reports overdue today,
/// inspections in the period by verdict, and the current number of projects per status.
/// </summary>
public static class ProjectStatistics
{
    public static async Task<Ok<StageStatistics>> Get(string? from, string? to, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var today = clock.VietnamToday();
        var check = new InputCheck();
        var fromDate = check.Date("from", from, required: false) ?? new DateOnly(today.Year, 1, 1);
        var toDate = check.Date("to", to, required: false) ?? today;
        check.Rule(fromDate <= toDate, "to", "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", "'to' must not be before 'from'.");
        check.ThrowIfInvalid();

        var projects = await session.Query<MonitoredProject>().ToListAsync(http.RequestAborted);
        return TypedResults.Ok(Compute(projects, fromDate, toDate, today));
    }

    /// <summary>In the shared shape: received = reports due in the period, completed = reports received in it (on time
    /// or late), in progress = reports overdue now; the rest in <see cref="MonitoringFigures"/>.</summary>
    public static StageStatistics Compute(IReadOnlyList<MonitoredProject> projects, DateOnly from, DateOnly to, DateOnly today)
    {
        bool In(DateOnly d) => d >= from && d <= to;
        var reports = projects.SelectMany(p => p.Reports).ToList();
        var received = reports.Where(r => r.ReceivedOn is { } d && In(d)).ToList();
        var onTime = received.Count(r => r.OnTime == true);
        var overdueNow = projects.Where(p => p.Status != MonitoringStatus.Closed).SelectMany(p => p.Reports).Count(r => r.IsOverdueOn(today));
        return new StageStatistics(WorkStage.ProgressReport, Agencies.ForeignAffairs.Code, from, to,
            Received: reports.Count(r => In(r.DueDate)),
            new InProgressCounts(0, 0, overdueNow, 0, overdueNow),
            new CompletedCounts(onTime, received.Count - onTime, received.Count),
            Withdrawn: 0,
            OnTimeRate: received.Count == 0 ? null : Math.Round((double)onTime / received.Count, 4))
        {
            Monitoring = new MonitoringFigures(
                ProjectsStarted: projects.Count(p => In(DateOnly.FromDateTime(p.MonitoringStartedAt.UtcDateTime))),
                ReportsDueInPeriodMissed: reports.Count(r => In(r.DueDate) && (r.OnTime == false || r.IsOverdueOn(today))),
                InspectionsByVerdict: Enum.GetValues<ComplianceVerdict>().ToDictionary(v => v.ToString(),
                    v => projects.SelectMany(p => p.Inspections).Count(i => i.Verdict == v && In(i.InspectedOn))),
                ProjectsByStatus: Enum.GetValues<MonitoringStatus>().ToDictionary(s => s.ToString(), s => projects.Count(p => p.Status == s)),
                ImplementationDelayedNow: projects.Count(p => ProjectView.FlagsOf(p, today).Contains("implementation-delayed"))),
        };
    }
}
