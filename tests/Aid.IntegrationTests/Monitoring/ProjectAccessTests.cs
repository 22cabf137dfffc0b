using System.Net;
using System.Text;
using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Marten;
using Xunit;

namespace Aid.IntegrationTests.ProjectMonitoring;

/// <summary>Who may do what on a monitored project, hostile input, and two officers acting at once.</summary>
public sealed class ProjectAccessTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MonitoringScenario scenario = new(system);

    private static readonly string[] Commands =
        ["tranches", "reports", "inspections", "implementation-started", "suspend", "resume", "complete", "close"];

    private object BodyFor(string command) => command switch
    {
        "tranches" => new { amount = 10m, currency = "USD", receivedOn = scenario.Today },
        "reports" => new { reportKey = "final", receivedOn = scenario.Today, summary = "s" },
        "inspections" => new { inspectedOn = scenario.Today, team = new[] { "A" }, findings = "f", verdict = "Compliant" },
        "implementation-started" => new { startedOn = scenario.Today },
        "suspend" => new { reason = "r" },
        "complete" => new { completedOn = scenario.Today },
        "close" => new { closedOn = scenario.Today, settlementNote = "n" },
        _ => new { },
    };

    private async Task<long> VersionOf(Guid id)
    {
        await using var query = AidSystem.StoreOf(system.Monitoring).QuerySession();
        return (await query.Events.FetchStreamStateAsync(id))!.Version;
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("cleared.auditor")]
    [InlineData("intake.officer")]
    [InlineData("appraiser")]
    [InlineData("decision.maker")]
    [InlineData("security.officer")]
    [InlineData("admin")]
    public async Task Only_monitoring_officers_act(string user)
    {
        var (decision, _) = await scenario.ApprovedProject();
        var client = system.Monitoring.ClientAs(user);
        foreach (var command in Commands)
        {
            var response = await MonitoringScenario.Post(client, $"/projects/{decision.DossierId}/{command}", BodyFor(command));
            Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{user} {command}: {response.StatusCode}");
        }
        Assert.Equal(1, await VersionOf(decision.DossierId));
    }

    [Fact]
    public async Task A_monitoring_officer_of_another_agency_is_refused()
    {
        var (decision, _) = await scenario.ApprovedProject();
        var stranger = MonitoringScenario.Another(system, Roles.MonitoringOfficer, "STC");
        foreach (var command in Commands)
            Assert.Equal(HttpStatusCode.Forbidden, (await MonitoringScenario.Post(stranger, $"/projects/{decision.DossierId}/{command}", BodyFor(command))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/projects/{decision.DossierId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Monitoring.CreateClient().GetAsync($"/projects/{decision.DossierId}")).StatusCode);
    }

    [Theory]
    [InlineData("monitoring.officer", HttpStatusCode.OK)]
    [InlineData("auditor", HttpStatusCode.OK)]
    [InlineData("cleared.auditor", HttpStatusCode.OK)]
    [InlineData("intake.officer", HttpStatusCode.Forbidden)]
    [InlineData("appraiser", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    public async Task Who_reads_projects(string user, HttpStatusCode expected)
    {
        var (decision, _) = await scenario.ApprovedProject();
        var client = system.Monitoring.ClientAs(user);
        foreach (var path in new[] { $"/projects/{decision.DossierId}", "/projects", "/projects/queue", "/projects/statistics" })
            Assert.True(expected == (await client.GetAsync(path)).StatusCode, $"{user} GET {path}");
    }

    [Fact]
    public async Task Ngo_staff_see_their_own_projects_only_and_act_on_none_but_reports()
    {
        var ngoId = Guid.NewGuid();
        var (own, _) = await scenario.ApprovedProject(ngoId);
        var (other, otherProject) = await scenario.ApprovedProject();
        var ngo = system.Monitoring.ClientAs(DevelopmentUser.NgoStaff(ngoId));

        Assert.Equal(HttpStatusCode.OK, (await ngo.GetAsync($"/projects/{own.DossierId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ngo.GetAsync($"/projects/{other.DossierId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ngo.GetAsync($"/projects/{Guid.NewGuid()}")).StatusCode);
        var listed = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<List<Aid.Monitoring.Projects.ProjectSummary>>(ngo, "/projects", MonitoringScenario.Json);
        Assert.Equal([own.DossierId], listed!.Select(p => p.Id));

        var probe = await MonitoringScenario.Post(ngo, $"/projects/{other.DossierId}/reports", new { reportKey = otherProject.Reports[0].Key, summary = "probe" });
        Assert.Equal(HttpStatusCode.NotFound, probe.StatusCode);
        Assert.Equal(1, await VersionOf(other.DossierId));
        foreach (var command in Commands.Where(c => c != "reports"))
            Assert.Equal(HttpStatusCode.Forbidden, (await MonitoringScenario.Post(ngo, $"/projects/{own.DossierId}/{command}", BodyFor(command))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ngo.GetAsync("/projects/queue")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_project_answers_404()
    {
        var response = await MonitoringScenario.Post(scenario.Officer, $"/projects/{Guid.NewGuid()}/suspend", new { reason = "r" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Two_officers_suspending_at_once_one_wins()
    {
        var (decision, _) = await scenario.ApprovedProject();
        var path = $"/projects/{decision.DossierId}/suspend";
        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            MonitoringScenario.Post(system.Monitoring.ClientAs("monitoring.officer"), path, new { reason = $"officer {i}" })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], attempts.Select(a => a.StatusCode).Order());
        Assert.Equal(2, await VersionOf(decision.DossierId));
    }

    [Fact]
    public async Task A_stale_if_match_is_refused()
    {
        var (decision, _) = await scenario.ApprovedProject();
        var path = $"/projects/{decision.DossierId}";
        Assert.Equal(HttpStatusCode.OK, (await MonitoringScenario.Post(scenario.Officer, $"{path}/tranches", new { amount = 5m, currency = "USD", receivedOn = scenario.Today })).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Post, $"{path}/suspend")
        {
            Content = new StringContent("""{"reason":"stale"}""", Encoding.UTF8, "application/json"),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var response = await scenario.Officer.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(2, await VersionOf(decision.DossierId));
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "tranches", """{"currency":"USD","receivedOn":"2026-01-01"}""", "amount" },
        { "tranches", """{"amount":0,"currency":"USD","receivedOn":"2026-01-01"}""", "amount" },
        { "tranches", """{"amount":-5,"currency":"USD","receivedOn":"2026-01-01"}""", "amount" },
        { "tranches", """{"amount":1e16,"currency":"USD","receivedOn":"2026-01-01"}""", "amount" },
        { "tranches", """{"amount":"lots","currency":"USD","receivedOn":"2026-01-01"}""", "amount" },
        { "tranches", """{"amount":10,"currency":"XYZ","receivedOn":"2026-01-01"}""", "currency" },
        { "tranches", """{"amount":10,"currency":"usd","receivedOn":"2026-01-01"}""", "currency" },
        { "tranches", """{"amount":10,"receivedOn":"2026-01-01"}""", "currency" },
        { "tranches", """{"amount":10,"currency":"USD"}""", "receivedOn" },
        { "tranches", """{"amount":10,"currency":"USD","receivedOn":"1899-01-01"}""", "receivedOn" },
        { "tranches", """{"amount":10,"currency":"USD","receivedOn":"2026-02-30"}""", "receivedOn" },
        { "tranches", """{"amount":10,"currency":"USD","receivedOn":"2026-01-01","note":"a\u0000b"}""", "note" },
        { "tranches", """{"amount":10,"currency":"USD","receivedOn":"2026-01-01","note":"x\ud800y"}""", "note" },
        { "reports", """{"receivedOn":"2026-01-01","summary":"s"}""", "reportKey" },
        { "reports", """{"reportKey":"final","receivedOn":"2026-01-01"}""", "summary" },
        { "reports", """{"reportKey":"final","receivedOn":"2026-01-01","summary":"   "}""", "summary" },
        { "reports", """{"reportKey":"final","summary":"s"}""", "receivedOn" },
        { "reports", """{"reportKey":"final","receivedOn":"2026-01-01","summary":"bell\u0007"}""", "summary" },
        { "inspections", """{"team":["A"],"findings":"f","verdict":"Compliant"}""", "inspectedOn" },
        { "inspections", """{"inspectedOn":"2026-01-01","team":[],"findings":"f","verdict":"Compliant"}""", "team" },
        { "inspections", """{"inspectedOn":"2026-01-01","findings":"f","verdict":"Compliant"}""", "team" },
        { "inspections", """{"inspectedOn":"2026-01-01","team":[""],"findings":"f","verdict":"Compliant"}""", "team[0]" },
        { "inspections", """{"inspectedOn":"2026-01-01","team":["A"],"findings":"f","verdict":"Great"}""", "verdict" },
        { "inspections", """{"inspectedOn":"2026-01-01","team":["A"],"findings":"f","verdict":"1"}""", "verdict" },
        { "inspections", """{"inspectedOn":"2026-01-01","team":["A"],"verdict":"Compliant"}""", "findings" },
        { "suspend", """{}""", "reason" },
        { "suspend", """{"reason":null}""", "reason" },
        { "implementation-started", """{"startedOn":"2101-01-01"}""", "startedOn" },
        { "implementation-started", """{}""", "startedOn" },
        { "complete", """{"completedOn":"yesterday"}""", "completedOn" },
        { "close", """{"closedOn":"2026-01-01"}""", "settlementNote" },
        { "close", """{"settlementNote":"n"}""", "closedOn" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_input_is_refused_naming_the_field_and_changes_nothing(string command, string body, string field)
    {
        var (decision, _) = await scenario.ApprovedProject();
        var response = await scenario.Officer.PostAsync($"/projects/{decision.DossierId}/{command}",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.ToString());
        Assert.True(text.Contains($"\"{field}\"") || text.Contains($"$.{field}"), text);
        Assert.Equal(1, await VersionOf(decision.DossierId));
    }

    [Fact]
    public async Task Over_long_texts_wrong_content_types_and_bad_query_dates_are_refused()
    {
        var (decision, _) = await scenario.ApprovedProject();
        var path = $"/projects/{decision.DossierId}";
        var tooLong = await MonitoringScenario.Post(scenario.Officer, $"{path}/suspend", new { reason = new string('x', 4001) });
        Assert.Contains("\"reason\"", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        var text = await scenario.Officer.PostAsync($"{path}/suspend", new StringContent("reason=x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        var broken = await scenario.Officer.PostAsync($"{path}/suspend", new StringContent("{\"reason\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);

        var badFrom = await scenario.Officer.GetAsync("/projects/statistics?from=2026-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, badFrom.StatusCode);
        Assert.Contains("\"from\"", await badFrom.Content.ReadAsStringAsync());
        var reversed = await scenario.Officer.GetAsync("/projects/statistics?from=2026-12-01&to=2026-01-01");
        Assert.Contains("\"to\"", await reversed.Content.ReadAsStringAsync());
        var badStatus = await scenario.Officer.GetAsync("/projects?status=Whatever");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(1, await VersionOf(decision.DossierId));
    }
}
