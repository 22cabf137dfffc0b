using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.Contracts.Appraisal;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Registration.Dossiers;
using Aid.Domain.Calendar;
using Xunit;

namespace Aid.IntegrationTests.Lifecycle;

public sealed record JourneyResult(Guid NgoId, Guid DossierId, string ReceiptCode, string AcceptCorrelation, string DecisionCorrelation);

/// <summary>
/// One dossier from the NGO's registration to the project's closure, driven only through the four services' HTTP
/// APIs, checking what the NGO sees after each stage (used by the lifecycle and the audit trail tests).
/// </summary>
public sealed class DossierJourney(AidSystem system)
{
    private readonly RegistrationApi registration = new(system);

    public async Task<JourneyResult> RunAsync()
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
            (await AppraisalDriver.ViewAsync(appraiser, id))?.Status == AppraisalStatus.Appraising ? "open" : null, "the appraisal to open");
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
        Assert.Equal("2026/QĐ-UBND", view.GetProperty("decision").GetProperty("number").GetString());
        Assert.Equal(ngoId, view.GetProperty("ngoId").GetGuid());
        await AssertStage(ngoId, id, "Approved", "SNV", until: s => s.Timeline.Any(t => t.Step == "MonitoringStarted"));

        // The monitoring rules: no date in the future nor before the decision date; every step today is valid.
        var on = today.ToString("yyyy-MM-dd");
        var path = $"/projects/{id}";
        await Ok(await monitoring.PostAsJsonAsync($"{path}/implementation-started", new { startedOn = on }));
        var implementing = await AssertStage(ngoId, id, "Implementing", "SNV");
        Assert.Equal("Đang thực hiện", implementing.StageLabel.Vi);
        var funded = await Ok(await monitoring.PostAsJsonAsync($"{path}/tranches", new { amount = 60_000m, currency = "USD", receivedOn = on, note = "Đợt 1" }));
        // Half the approved USD amount is half its VND value: the dossier's amount and currency reached monitoring.
        Assert.Equal(view.GetProperty("amountVnd").GetDecimal() / 2,
            funded.GetProperty("tranches")[0].GetProperty("amountVnd").GetDecimal());
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

        return new JourneyResult(ngoId, id, receipt.ReceiptCode, acceptCorrelation, decisionCorrelation);
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
}
