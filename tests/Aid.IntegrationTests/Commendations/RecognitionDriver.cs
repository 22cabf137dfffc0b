using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.ProjectMonitoring;
using Xunit;

namespace Aid.IntegrationTests.Commendations;

/// <summary>Builds NGOs' track records through the monitoring API, and calls the recognition API.</summary>
public sealed class RecognitionDriver(AidSystem system)
{
    private readonly MonitoringScenario scenario = new(system);

    public HttpClient Admin => system.Monitoring.ClientAs("admin");

    /// <summary>
    /// An NGO with one approved project (2.5 billion VND, 100,000 USD), optionally a 40,000 USD tranche (1 billion
    /// VND), every report due so far received on its due date, an inspection verdict, and completion.
    /// </summary>
    public async Task<Guid> NgoAsync(bool funded = false, bool completed = false, bool reportOnTime = false, string? verdict = null)
    {
        var ngoId = Guid.NewGuid();
        // Decided over a year ago, so a report period has ended and its report can be received on its due date.
        var (decision, project) = await scenario.ApprovedLongAgo(ngoId);
        var path = $"/projects/{decision.DossierId}";
        using var officer = scenario.Officer;
        var today = scenario.Today;
        if (funded)
            await Ok(MonitoringScenario.Post(officer, $"{path}/tranches", new { amount = 40_000m, currency = "USD", receivedOn = today }));
        if (reportOnTime)
            foreach (var report in project.Reports.Where(r => r.DueDate <= today && r.Key != "final"))
                await Ok(MonitoringScenario.Post(officer, $"{path}/reports", new { reportKey = report.Key, receivedOn = report.DueDate, summary = "Tiến độ 30%." }));
        if (verdict is not null)
            await Ok(MonitoringScenario.Post(officer, $"{path}/inspections", new { inspectedOn = today, team = new[] { "Thanh tra viên" }, findings = "Kết luận.", verdict }));
        if (completed)
        {
            await Ok(MonitoringScenario.Post(officer, $"{path}/implementation-started", new { startedOn = today }));
            await Ok(MonitoringScenario.Post(officer, $"{path}/complete", new { completedOn = today }));
        }
        return ngoId;
    }

    public static object Criteria(decimal minCommittedVnd = 0, decimal minReceivedVnd = 0, int minCompletedProjects = 0,
        decimal minOnTimeReportPercent = 0, bool noNonCompliantInspection = false) =>
        new { minCommittedVnd, minReceivedVnd, minCompletedProjects, minOnTimeReportPercent, noNonCompliantInspection };

    /// <summary>Sets the criteria as the administrator, If-Match the version last read; returns the new version.</summary>
    public async Task<long> SetCriteriaAsync(object criteria)
    {
        using var admin = Admin;
        var current = await admin.GetAsync("/recognition/criteria");
        var request = new HttpRequestMessage(HttpMethod.Put, "/recognition/criteria") { Content = JsonContent.Create(criteria) };
        request.Headers.TryAddWithoutValidation("If-Match", current.StatusCode == HttpStatusCode.OK ? current.Headers.ETag!.Tag : "\"0\"");
        var response = await Ok(admin.SendAsync(request));
        return long.Parse(response.Headers.ETag!.Tag.Trim('"'));
    }

    /// <summary>Which of the given NGOs the recognition service lists as meeting the criteria.</summary>
    public async Task<IReadOnlyList<Guid>> CommendableAmong(params Guid[] ngos)
    {
        using var officer = scenario.Officer;
        var list = await (await Ok(officer.GetAsync("/recognition/commendable"))).Content.ReadFromJsonAsync<JsonElement>();
        return list.EnumerateArray().Select(n => n.GetProperty("ngoId").GetGuid()).Where(ngos.Contains).Order().ToList();
    }

    public static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
