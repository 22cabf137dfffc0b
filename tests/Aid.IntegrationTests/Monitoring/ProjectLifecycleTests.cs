using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using System.Net;
using Aid.IntegrationTests.Infrastructure;
using Aid.Monitoring.Projects;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Marten;
using Xunit;
using Published = Aid.Contracts.Monitoring;

namespace Aid.IntegrationTests.ProjectMonitoring;

/// <summary>An approved project from the first tranche to its closure, through the officers' commands.</summary>
public sealed class ProjectLifecycleTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MonitoringScenario scenario = new(system);

    private async Task<ProjectDeskView> Ok(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<ProjectDeskView>(response.Content, MonitoringScenario.Json))!;
    }

    [Fact]
    public async Task Tranches_reports_inspection_suspension_completion_and_closure()
    {
        var statuses = await scenario.Listen<Published.ProjectStatusChanged>();
        // Decided over a year ago: its first report's period has ended, so it can be received (on its due date).
        var (decision, _) = await scenario.ApprovedLongAgo();
        var id = decision.DossierId;
        var officer = scenario.Officer;
        var today = scenario.Today;
        var path = $"/projects/{id}";

        var p = await Ok(await MonitoringScenario.Post(officer, $"{path}/tranches", new { amount = 50_000m, currency = "USD", receivedOn = today, note = "Đợt 1" }));
        p = await Ok(await MonitoringScenario.Post(officer, $"{path}/tranches", new { amount = 1_200_000_000m, currency = "VND", receivedOn = today }));
        Assert.Equal(2, p.Tranches.Count);
        Assert.Equal(50_000m, p.ReceivedByCurrency["USD"]);

        p = await Ok(await MonitoringScenario.Post(officer, $"{path}/implementation-started", new { startedOn = today }));
        Assert.Equal(MonitoringStatus.Implementing, p.Status);

        var firstReport = p.Reports[0];
        p = await Ok(await MonitoringScenario.Post(officer, $"{path}/reports", new { reportKey = firstReport.Key, receivedOn = firstReport.DueDate, summary = "Đã khoan 3 giếng.\nTiến độ đạt 40%." }));
        var received = p.Reports.Single(r => r.Key == firstReport.Key);
        Assert.Equal((firstReport.DueDate, true), (received.ReceivedOn, received.OnTime));
        Assert.NotEqual(firstReport.Key, p.NextReport!.Key);

        p = await Ok(await MonitoringScenario.Post(officer, $"{path}/inspections", new
        {
            inspectedOn = today, team = new[] { "Hoàng Văn Em", "Vũ Thị Giang" }, findings = "Chậm lắp đặt bể lọc.", verdict = "MinorIssues",
        }));
        Assert.Equal(ComplianceVerdict.MinorIssues, Assert.Single(p.Inspections).Verdict);

        p = await Ok(await MonitoringScenario.Post(officer, $"{path}/suspend", new { reason = "Chờ khắc phục vi phạm" }));
        Assert.Equal((MonitoringStatus.Suspended, "Chờ khắc phục vi phạm"), (p.Status, p.Suspension?.Reason));
        Assert.Contains("suspended", p.Flags);
        Assert.Equal(HttpStatusCode.Conflict, (await MonitoringScenario.Post(officer, $"{path}/tranches", new { amount = 1m, currency = "USD", receivedOn = today })).StatusCode);
        p = await Ok(await MonitoringScenario.Post(officer, $"{path}/resume", new { note = "Đã khắc phục" }));
        Assert.Equal(MonitoringStatus.Implementing, p.Status);

        var early = await MonitoringScenario.Post(officer, $"{path}/close", new { closedOn = today, settlementNote = "Quyết toán xong" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("not-completed", (await MonitoringScenario.Problem(early)).GetProperty("code").GetString());

        p = await Ok(await MonitoringScenario.Post(officer, $"{path}/complete", new { completedOn = today }));
        Assert.Equal((MonitoringStatus.Completed, today), (p.Status, p.Dates.CompletedOn));
        var noFinal = await MonitoringScenario.Post(officer, $"{path}/close", new { closedOn = today, settlementNote = "Quyết toán xong" });
        Assert.Equal("final-report-missing", (await MonitoringScenario.Problem(noFinal)).GetProperty("code").GetString());

        p = await Ok(await MonitoringScenario.Post(officer, $"{path}/reports", new { reportKey = "final", receivedOn = today, summary = "Báo cáo kết thúc" }));
        p = await Ok(await MonitoringScenario.Post(officer, $"{path}/close", new { closedOn = today, settlementNote = "Quyết toán xong" }));
        Assert.Equal((MonitoringStatus.Closed, today, "Quyết toán xong"), (p.Status, p.Closure?.ClosedOn, p.Closure?.SettlementNote));
        Assert.Equal(HttpStatusCode.Conflict, (await MonitoringScenario.Post(officer, $"{path}/inspections", new
        {
            inspectedOn = today, team = new[] { "A" }, findings = "after closure", verdict = "Compliant",
        })).StatusCode);

        var published = await Eventually.Returns(() => Task.FromResult(
            statuses.Count(s => s.DossierId == id) >= 5
                ? statuses.Where(s => s.DossierId == id).OrderBy(s => s.Metadata.SourceSequence).ToList() : null),
            "the status changes to be published");
        Assert.Equal(
            [Published.ProjectStatus.Implementing, Published.ProjectStatus.Suspended, Published.ProjectStatus.Implementing,
             Published.ProjectStatus.Completed, Published.ProjectStatus.Closed],
            published.Select(s => s.Status));
        Assert.Equal("Chờ khắc phục vi phạm", published[1].Reason);
        Assert.Equal("monitoring.officer", published[1].Metadata.Actor);
        Assert.Equal("SNV", published[1].Metadata.Agency);

        await using var events = AidSystem.StoreOf(system.Monitoring).QuerySession();
        var suspended = (await events.Events.FetchStreamAsync(id)).Single(e => e.Data is ProjectSuspended);
        Assert.Equal("monitoring.officer", suspended.UserName);
        Assert.Equal(Roles.MonitoringOfficer, suspended.GetHeader("role")?.ToString());
        Assert.NotNull(suspended.CorrelationId);
        Assert.NotNull(suspended.CausationId);
    }

    [Fact]
    public async Task Repeated_commands_are_refused_with_a_reason()
    {
        var (decision, project) = await scenario.ApprovedLongAgo();
        var path = $"/projects/{decision.DossierId}";
        var tranche = new { amount = 10m, currency = "EUR", receivedOn = scenario.Today, note = "x" };
        Assert.Equal(HttpStatusCode.OK, (await MonitoringScenario.Post(scenario.Officer, $"{path}/tranches", tranche)).StatusCode);
        var again = await MonitoringScenario.Post(scenario.Officer, $"{path}/tranches", tranche);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("tranche-already-recorded", (await MonitoringScenario.Problem(again)).GetProperty("code").GetString());

        var report = new { reportKey = project.Reports[0].Key, receivedOn = project.Reports[0].DueDate, summary = "s" };
        Assert.Equal(HttpStatusCode.OK, (await MonitoringScenario.Post(scenario.Officer, $"{path}/reports", report)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await MonitoringScenario.Post(scenario.Officer, $"{path}/reports", report)).StatusCode);

        var future = await MonitoringScenario.Post(scenario.Officer, $"{path}/implementation-started", new { startedOn = scenario.Today.AddDays(3) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Single((await scenario.Get(decision.DossierId)).Tranches);
    }

    [Fact]
    public async Task Ngo_staff_submit_their_own_progress_report()
    {
        var ngoId = Guid.NewGuid();
        var (decision, project) = await scenario.ApprovedLongAgo(ngoId);
        var ngo = system.Monitoring.ClientAs(DevelopmentUser.NgoStaff(ngoId));
        var response = await MonitoringScenario.Post(ngo, $"/projects/{decision.DossierId}/reports", new { reportKey = project.Reports[0].Key, summary = "Báo cáo từ tổ chức" });
        var p = await Ok(response);
        var report = p.Reports[0];
        Assert.Equal((scenario.Today, true), (report.ReceivedOn, report.SubmittedByNgo));

        var backdated = await MonitoringScenario.Post(ngo, $"/projects/{decision.DossierId}/reports",
            new { reportKey = project.Reports[1].Key, receivedOn = scenario.Today.AddDays(-1), summary = "lùi ngày" });
        Assert.Equal(HttpStatusCode.BadRequest, backdated.StatusCode);
    }
}
