using Aid.Contracts.Monitoring;
using System.Net;
using System.Net.Http.Json;
using Aid.Contracts.Desks;
using Aid.IntegrationTests.Infrastructure;
using Aid.Monitoring.Projects;
using Marten;
using Xunit;

namespace Aid.IntegrationTests.ProjectMonitoring;

/// <summary>
/// The overdue scanner (every second in tests) against a clock the test moves forward; the work queue, the list
/// flags and the statistics that follow from it. The clock only moves forward, so every test works from "today".
/// </summary>
public sealed class OverdueFlagsTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MonitoringScenario scenario = new(system);

    private async Task<int> CountOf<TEvent>(Guid id)
    {
        await using var query = AidSystem.StoreOf(system.Monitoring).QuerySession();
        return (await query.Events.FetchStreamAsync(id)).Count(e => e.Data is TEvent);
    }

    private async Task<IReadOnlyList<WorkItem>> Queue() =>
        (await scenario.Officer.GetFromJsonAsync<QueuePage<WorkItem>>("/projects/queue?pageSize=100", MonitoringScenario.Json))!.Items;

    [Fact]
    public async Task A_report_not_received_by_its_due_date_is_flagged_once_and_leads_the_queue()
    {
        var (late, lateProject) = await scenario.ApprovedProject();
        var (punctual, punctualProject) = await scenario.ApprovedProject();
        var first = lateProject.Reports[0];
        var today = scenario.Today;

        var before = (await Queue()).Single(i => i.DossierId == late.DossierId);
        Assert.Equal((first.Key, first.DueDate, WorkStage.ProgressReport), (before.ReportKey, before.DueDate, before.Stage));
        Assert.NotEqual(DeadlineFlag.Overdue, before.Flag);
        // A report is accepted once its period has ended: filed early, it is refused with the date it opens.
        var early = await MonitoringScenario.Post(scenario.Officer, $"/projects/{punctual.DossierId}/reports",
            new { reportKey = punctualProject.Reports[0].Key, receivedOn = today, summary = "sớm" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        var problem = await early.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"report-period-not-ended\"", problem);
        Assert.Contains(punctualProject.Reports[0].PeriodEnd.AddDays(1).ToString("dd/MM/yyyy"), problem);
        // The punctual one arrives the day after, well before its due date.
        system.Clock.Advance(TimeSpan.FromDays(first.PeriodEnd.DayNumber - today.DayNumber + 1));
        Assert.Equal(HttpStatusCode.OK, (await MonitoringScenario.Post(scenario.Officer, $"/projects/{punctual.DossierId}/reports",
            new { reportKey = punctualProject.Reports[0].Key, receivedOn = scenario.Today, summary = "đúng hạn" })).StatusCode);

        system.Clock.Advance(TimeSpan.FromDays(first.DueDate.DayNumber - scenario.Today.DayNumber + 1));
        var flagged = await scenario.WaitForProject(late.DossierId, p => p.Reports[0].FlaggedOverdue, "the report to be flagged overdue");
        Assert.True(flagged.Reports[0].Overdue);
        Assert.Contains("report-overdue", flagged.Flags);
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // a few more scans
        Assert.Equal(1, await CountOf<ProgressReportBecameOverdue>(late.DossierId));
        Assert.Equal(0, await CountOf<ProgressReportBecameOverdue>(punctual.DossierId));

        var queue = await Queue();
        var overdue = queue.Single(i => i.DossierId == late.DossierId && i.ReportKey == first.Key);
        Assert.Equal((DeadlineFlag.Overdue, false), (overdue.Flag, overdue.ApologyDue));
        Assert.True(overdue.WorkingDaysLeft <= 0);
        Assert.Equal(queue.OrderBy(i => i.DueDate).Select(i => i.DueDate), queue.Select(i => i.DueDate));
        Assert.DoesNotContain(queue, i => i.DossierId == punctual.DossierId && i.ReportKey == punctualProject.Reports[0].Key);

        var listed = await scenario.Officer.GetFromJsonAsync<List<ProjectSummary>>("/projects?flag=report-overdue", MonitoringScenario.Json);
        Assert.Contains(listed!, p => p.Id == late.DossierId);
        Assert.DoesNotContain(listed!, p => p.Id == punctual.DossierId);

        // Received late, after the flag: the report is on record as late, the flag stays in history.
        var now = scenario.Today;
        var received = await MonitoringScenario.Post(scenario.Officer, $"/projects/{late.DossierId}/reports",
            new { reportKey = first.Key, receivedOn = now, summary = "nộp muộn" });
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var inspected = await MonitoringScenario.Post(scenario.Officer, $"/projects/{late.DossierId}/inspections",
            new { inspectedOn = now, team = new[] { "Hoàng Văn Em" }, findings = "Sai mục đích sử dụng", verdict = "NonCompliant" });
        Assert.Contains("non-compliant", (await inspected.Content.ReadFromJsonAsync<ProjectDeskView>(MonitoringScenario.Json))!.Flags);

        var stats = (await scenario.Officer.GetFromJsonAsync<StageStatistics>(
            $"/projects/statistics?from={today:yyyy-MM-dd}&to={now:yyyy-MM-dd}", MonitoringScenario.Json))!;
        Assert.Equal((2, 1, 1), (stats.Completed.Total, stats.Completed.OnTime, stats.Completed.Late));
        Assert.Equal(0.5, stats.OnTimeRate);
        Assert.Equal(1, stats.Monitoring!.InspectionsByVerdict[nameof(ComplianceVerdict.NonCompliant)]);
        Assert.Equal(0, stats.Monitoring.InspectionsByVerdict[nameof(ComplianceVerdict.Compliant)]);
        Assert.True(stats.Monitoring.ProjectsByStatus[nameof(MonitoringStatus.AwaitingImplementation)] >= 2);
        Assert.True(stats.Monitoring.ReportsDueInPeriodMissed >= 1);
    }

    [Fact]
    public async Task An_approval_not_implemented_within_six_months_is_flagged_once()
    {
        var (idle, _) = await scenario.ApprovedProject();
        var (started, _) = await scenario.ApprovedProject();
        var (funded, _) = await scenario.ApprovedProject();
        var today = scenario.Today;
        Assert.Equal(HttpStatusCode.OK, (await MonitoringScenario.Post(scenario.Officer, $"/projects/{started.DossierId}/implementation-started",
            new { startedOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MonitoringScenario.Post(scenario.Officer, $"/projects/{funded.DossierId}/tranches",
            new { amount = 20_000m, currency = "EUR", receivedOn = today })).StatusCode);

        system.Clock.Advance(TimeSpan.FromDays(today.AddMonths(6).DayNumber - today.DayNumber + 1));
        var flagged = await scenario.WaitForProject(idle.DossierId, p => p.Flags.Contains("implementation-delayed"), "the delay to be flagged");
        Assert.Equal(today.AddMonths(6), flagged.Dates.ImplementationDueBy);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(1, await CountOf<ImplementationDelayFlagged>(idle.DossierId));
        Assert.Equal(0, await CountOf<ImplementationDelayFlagged>(started.DossierId));
        Assert.Equal(0, await CountOf<ImplementationDelayFlagged>(funded.DossierId));

        var delayed = await scenario.Officer.GetFromJsonAsync<List<ProjectSummary>>("/projects?flag=implementation-delayed", MonitoringScenario.Json);
        Assert.Contains(delayed!, p => p.Id == idle.DossierId);
        Assert.DoesNotContain(delayed!, p => p.Id == started.DossierId || p.Id == funded.DossierId);
    }
}
