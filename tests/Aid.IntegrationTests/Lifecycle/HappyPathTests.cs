using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Registration.Dossiers;
using Aid.ServiceDefaults.Identity;
using JasperFx.Events;
using Marten;
using Xunit;

namespace Aid.IntegrationTests.Lifecycle;

/// <summary>
/// One dossier from the NGO's registration to the project's closure, driven only through the four services' HTTP
/// APIs; every hand-over between agencies is a real integration event on the real broker.
/// </summary>
public sealed class HappyPathTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi registration = new(system);

    [Fact]
    public async Task A_dossier_goes_from_registration_to_closure_through_every_agency()
    {
        var today = system.Clock.VietnamToday();

        // Sở Ngoại vụ: the NGO is registered, its staff submit a project dossier, the intake officer accepts it.
        var ngoId = await registration.RegisterNgoAsync();
        var receipt = await registration.SubmitAsync(ngoId,
            RegistrationApi.DossierBody("Project", [RequiredDocuments.ProjectDocument, RequiredDocuments.CommitmentLetter]));
        var id = receipt.DossierId;
        await AssertStage(ngoId, id, "IntakeCheck", "SNV");

        var acceptCorrelation = "e2e-accept-" + Guid.NewGuid().ToString("N");
        using (var intake = With(system.Registration.ClientAs("intake.officer"), acceptCorrelation))
            await Ok(await intake.PostAsync($"/dossiers/{id}/accept", null));
        await AssertStage(ngoId, id, "SecurityCheck", "CAT");

        // Công an tỉnh: the review opens from Registration's DossierAccepted.
        using var security = With(system.Security.ClientAs("security.officer"), "e2e-security-" + Guid.NewGuid().ToString("N"));
        await Eventually.Returns(async () =>
            (await security.GetAsync($"/security-reviews/{id}")).StatusCode == HttpStatusCode.OK ? "open" : null,
            "the security review to open");
        await Ok(await security.PostAsJsonAsync($"/security-reviews/{id}/assignments", new { officers = new[] { "security.officer" } }));
        await Ok(await security.PostAsJsonAsync($"/security-reviews/{id}/findings",
            new { text = "Không phát hiện dấu hiệu bất thường về nhà tài trợ.", severity = "Low" }));
        var concluded = await Ok(await security.PostAsJsonAsync($"/security-reviews/{id}/conclusion", new { verdict = "Cleared" }));
        Assert.Equal("Cleared", concluded.GetProperty("verdict").GetString());

        // Sở Tài chính: the appraisal opens from Security's SecurityReviewConcluded.
        using var appraiser = With(system.Appraisal.ClientAs("appraiser"), "e2e-appraisal-" + Guid.NewGuid().ToString("N"));
        await Eventually.Returns(async () =>
        {
            var response = await appraiser.GetAsync($"/appraisals/{id}");
            return response.StatusCode == HttpStatusCode.OK
                && (await Json(response)).GetProperty("status").GetString() == "Appraising" ? "open" : null;
        }, "the appraisal to open");
        await AssertStage(ngoId, id, "Appraisal", "STC", until: s => s.Timeline.Any(t => t.Step == "AppraisalOpened"));

        await Ok(await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests", new { departments = new[] { "Sở Kế hoạch và Đầu tư" } }));
        await Ok(await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions", new
        {
            department = "Sở Kế hoạch và Đầu tư", opinionDate = today.ToString("yyyy-MM-dd"),
            text = "Dự án phù hợp quy hoạch của tỉnh.", stance = "Supports",
        }));
        await Ok(await appraiser.PostAsJsonAsync($"/appraisals/{id}/report", new { recommendation = "Approve" }));
        await AssertStage(ngoId, id, "Decision", "UBND");

        // UBND tỉnh: the decision.
        var decisionCorrelation = "e2e-decision-" + Guid.NewGuid().ToString("N");
        using (var decisionMaker = With(system.Appraisal.ClientAs("decision.maker"), decisionCorrelation))
            await Ok(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/approve", new
            {
                decisionNumber = "2026/QĐ-UBND", decisionDate = today.ToString("yyyy-MM-dd"), signer = "Nguyễn Văn Chủ tịch",
            }));

        // Monitoring (Sở Ngoại vụ): the project appears from Appraisal's DossierDecided.
        using var monitoring = With(system.Monitoring.ClientAs("monitoring.officer"), "e2e-monitoring-" + Guid.NewGuid().ToString("N"));
        var project = await Eventually.Returns(async () =>
        {
            var response = await monitoring.GetAsync($"/projects/{id}");
            return response.StatusCode == HttpStatusCode.OK ? (object)await Json(response) : null;
        }, "the project to be monitored");
        var view = (JsonElement)project;
        Assert.Equal("2026/QĐ-UBND", view.GetProperty("decisionNumber").GetString());
        Assert.Equal(ngoId, view.GetProperty("ngoId").GetGuid());
        await AssertStage(ngoId, id, "Implementing", "SNV", until: s => s.Timeline.Any(t => t.Step == "MonitoringStarted"));

        // The monitoring rules: no date in the future nor before the decision date; every step today is valid.
        var on = today.ToString("yyyy-MM-dd");
        var path = $"/projects/{id}";
        await Ok(await monitoring.PostAsJsonAsync($"{path}/implementation-started", new { startedOn = on }));
        await Ok(await monitoring.PostAsJsonAsync($"{path}/tranches", new { amount = 60_000m, currency = "USD", receivedOn = on, note = "Đợt 1" }));
        await Ok(await monitoring.PostAsJsonAsync($"{path}/inspections", new
        {
            inspectedOn = on, team = new[] { "Trần Văn Kiểm", "Lê Thị Tra" }, findings = "Thi công đúng thiết kế.", verdict = "Compliant",
        }));
        await Ok(await monitoring.PostAsJsonAsync($"{path}/complete", new { completedOn = on }));
        await AssertStage(ngoId, id, "Completed", "SNV");
        await Ok(await monitoring.PostAsJsonAsync($"{path}/reports", new { reportKey = "final", receivedOn = on, summary = "Báo cáo kết thúc dự án." }));
        var closed = await Ok(await monitoring.PostAsJsonAsync($"{path}/close", new { closedOn = on, settlementNote = "Đã quyết toán." }));
        Assert.Equal("Closed", closed.GetProperty("status").GetString());

        // The NGO's own view, at the end: closed, held by nobody, every public step in order.
        var status = await AssertStage(ngoId, id, "Closed", null, until: s => s.Timeline.Any(t => t.Step == "ProjectClosed"));
        Assert.Equal(
            ["Submitted", "Accepted", "SecurityConcluded", "AppraisalOpened", "AppraisalReportIssued", "DecidedApproved",
             "MonitoringStarted", "ProjectImplementing", "ProjectCompleted", "ProjectClosed"],
            status.Timeline.Select(s => s.Step));
        Assert.All(status.Timeline, s => Assert.False(string.IsNullOrWhiteSpace(s.Label.Vi)));

        // Every service's events for the dossier say who acted, in which operation and because of what.
        var registrationEvents = await EventsOf(AidSystem.StoreOf(system.Registration), id);
        var securityEvents = await EventsOf(AidSystem.StoreOf(system.Security), id);
        var appraisalEvents = await EventsOf(AidSystem.StoreOf(system.Appraisal), id);
        var monitoringEvents = await EventsOf(AidSystem.StoreOf(system.Monitoring), id);
        foreach (var (service, events) in new[]
                 {
                     ("Registration", registrationEvents), ("Security", securityEvents),
                     ("Appraisal", appraisalEvents), ("Monitoring", monitoringEvents),
                 })
        {
            Assert.NotEmpty(events);
            foreach (var e in events)
            {
                var what = $"{service} {e.EventTypeName} #{e.Version}";
                Assert.False(string.IsNullOrEmpty(e.UserName), $"{what}: no actor");
                Assert.False(string.IsNullOrEmpty(e.CorrelationId), $"{what}: no correlation id");
                Assert.False(string.IsNullOrEmpty(e.CausationId), $"{what}: no causation id");
            }
        }
        Assert.Contains(registrationEvents, e => e.UserName == DevelopmentUser.NgoStaff(ngoId).UserName);
        Assert.Contains(registrationEvents, e => e.UserName == "intake.officer" && e.CorrelationId == acceptCorrelation);
        Assert.Contains(securityEvents, e => e.UserName == "security.officer");
        Assert.Contains(appraisalEvents, e => e.UserName == "appraiser");
        Assert.Contains(appraisalEvents, e => e.UserName == "decision.maker" && e.CorrelationId == decisionCorrelation);
        Assert.Contains(monitoringEvents, e => e.UserName == "monitoring.officer");
        // Across services the operation's correlation travels with the integration event that caused the effect.
        Assert.Equal(acceptCorrelation, securityEvents[0].CorrelationId);
        Assert.Equal(decisionCorrelation, monitoringEvents[0].CorrelationId);
    }

    private static HttpClient With(HttpClient client, string correlation)
    {
        client.DefaultRequestHeaders.Add("X-Correlation-Id", correlation);
        return client;
    }

    /// <summary>What the NGO's staff read; waits until the stage (and the optional condition) is reached.</summary>
    private async Task<DossierStatus> AssertStage(Guid ngoId, Guid id, string stage, string? holder, Func<DossierStatus, bool>? until = null)
    {
        using var staff = registration.AsNgo(ngoId);
        var status = await Eventually.Returns(async () =>
        {
            var response = await staff.GetAsync($"/dossiers/{id}/status");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var s = await response.Content.ReadFromJsonAsync<DossierStatus>(RegistrationApi.Json);
            return s!.Stage == stage && (until is null || until(s)) ? s : null;
        }, $"the NGO's status to show {stage}");
        Assert.Equal(holder, status.HoldingAgency?.Code);
        return status;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<IReadOnlyList<IEvent>> EventsOf(IDocumentStore store, Guid id)
    {
        await using var session = store.QuerySession();
        return await session.Events.FetchStreamAsync(id);
    }
}
