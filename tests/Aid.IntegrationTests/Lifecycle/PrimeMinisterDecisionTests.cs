using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.Contracts.Appraisal;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Registration.Dossiers;
using Xunit;

namespace Aid.IntegrationTests.Lifecycle;

/// <summary>
/// A Prime Minister matter (religion) forwarded by UBND tỉnh, then the Prime Minister's decision recorded: an approval
/// starts monitoring as a provincial approval does, a refusal ends the dossier; the NGO sees both steps.
/// </summary>
public sealed class PrimeMinisterDecisionTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi registration = new(system);
    private string Today => system.Clock.VietnamToday().ToString("yyyy-MM-dd");

    [Fact]
    public async Task An_approval_by_the_Prime_Minister_starts_monitoring_and_the_NGO_sees_who_decided()
    {
        var (ngoId, id) = await ForwardedAsync();
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        using (var forwarded = await decisionMaker.GetAsync("/decisions/forwarded"))
            Assert.Contains(id.ToString(), await forwarded.Content.ReadAsStringAsync());

        await Ok(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/prime-minister-decision", new
        {
            outcome = "Approved", documentNumber = "1520/TTg-QHQT", documentDate = Today, conditions = new[] { "Báo cáo Bộ Nội vụ hằng năm" },
        }));

        using var monitoring = system.Monitoring.ClientAs("monitoring.officer");
        var project = await Eventually.Returns(async () =>
        {
            var response = await monitoring.GetAsync($"/projects/{id}");
            return response.StatusCode == HttpStatusCode.OK ? (object)await Json(response) : null;
        }, "the project to be monitored");
        Assert.Equal("1520/TTg-QHQT", ((JsonElement)project).GetProperty("decision").GetProperty("number").GetString());

        var status = await StatusAsync(ngoId, id, s => s.Timeline.Any(t => t.Step == "MonitoringStarted"));
        Assert.Equal(["DecidedForwardedToPrimeMinister", "PrimeMinisterDecidedApproved", "MonitoringStarted"],
            status.Timeline.Select(t => t.Step).SkipWhile(s => !s.StartsWith("Decided", StringComparison.Ordinal)));
        Assert.Equal("Thủ tướng Chính phủ phê duyệt khoản viện trợ", status.Timeline.Single(t => t.Step == "PrimeMinisterDecidedApproved").Label.Vi);

        using var after = await decisionMaker.GetAsync("/decisions/forwarded");
        Assert.DoesNotContain(id.ToString(), await after.Content.ReadAsStringAsync());
        var again = await decisionMaker.PostAsJsonAsync($"/decisions/{id}/prime-minister-decision",
            new { outcome = "Refused", documentNumber = "1/TTg", documentDate = Today, reasons = "x" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("not-forwarded", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refusal_by_the_Prime_Minister_ends_the_dossier_without_monitoring()
    {
        var (ngoId, id) = await ForwardedAsync();
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        var noReason = await decisionMaker.PostAsJsonAsync($"/decisions/{id}/prime-minister-decision",
            new { outcome = "Refused", documentNumber = "1521/TTg-QHQT", documentDate = Today });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reasons", await noReason.Content.ReadAsStringAsync());
        var early = await decisionMaker.PostAsJsonAsync($"/decisions/{id}/prime-minister-decision", new
        {
            outcome = "Refused", documentNumber = "1521/TTg-QHQT", documentDate = system.Clock.VietnamToday().AddDays(-30).ToString("yyyy-MM-dd"),
            reasons = "Không phù hợp.",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);

        await Ok(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/prime-minister-decision",
            new { outcome = "Refused", documentNumber = "1521/TTg-QHQT", documentDate = Today, reasons = "Không phù hợp với quy định về tôn giáo." }));
        var status = await StatusAsync(ngoId, id, s => s.Stage == "Refused");
        Assert.Equal("PrimeMinisterDecidedRefused", status.Timeline.Last().Step);
        using var monitoring = system.Monitoring.ClientAs("monitoring.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await monitoring.GetAsync($"/projects/{id}")).StatusCode);
    }

    [Fact]
    public async Task Only_a_forwarded_dossier_takes_a_Prime_Minister_decision()
    {
        var (_, id) = await ReportedAsync(sensitive: []);
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        var refused = await decisionMaker.PostAsJsonAsync($"/decisions/{id}/prime-minister-decision",
            new { outcome = "Approved", documentNumber = "1/TTg", documentDate = Today });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("not-forwarded", await refused.Content.ReadAsStringAsync());
        using var appraiser = system.Appraisal.ClientAs("appraiser");
        Assert.Equal(HttpStatusCode.Forbidden, (await appraiser.PostAsJsonAsync($"/decisions/{id}/prime-minister-decision",
            new { outcome = "Approved", documentNumber = "1/TTg", documentDate = Today })).StatusCode);
    }

    internal async Task<(Guid Ngo, Guid Dossier)> ForwardedAsync()
    {
        var (ngoId, id) = await ReportedAsync(sensitive: ["Religion"]);
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await Ok(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/forward", new { note = "Kèm báo cáo thẩm định." }));
        await StatusAsync(ngoId, id, s => s.Stage == "ForwardedToPrimeMinister");
        return (ngoId, id);
    }

    /// <summary>Submitted, accepted, cleared by security and appraised: the dossier waits for UBND tỉnh.</summary>
    private async Task<(Guid Ngo, Guid Dossier)> ReportedAsync(string[] sensitive)
    {
        var ngoId = await registration.RegisterNgoAsync();
        var id = (await registration.SubmitAsync(ngoId, RegistrationApi.DossierBody(
            "Project", [RequiredDocuments.ProjectDocument, RequiredDocuments.CommitmentLetter], sensitive))).DossierId;
        using (var intake = system.Registration.ClientAs("intake.officer"))
            await Ok(await intake.PostAsync($"/dossiers/{id}/accept", null));
        using var security = system.Security.ClientAs("security.officer");
        await Eventually.Returns(async () =>
            (await security.GetAsync($"/security-reviews/{id}")).StatusCode == HttpStatusCode.OK ? "open" : null, "the security review to open");
        await Ok(await security.PostAsJsonAsync($"/security-reviews/{id}/assignments", new { officers = new[] { "security.officer" } }));
        await Ok(await security.PostAsJsonAsync($"/security-reviews/{id}/conclusion", new { verdict = "Cleared" }));
        using var appraiser = system.Appraisal.ClientAs("appraiser");
        await Eventually.Returns(async () =>
            (await AppraisalDriver.ViewAsync(appraiser, id))?.Status == AppraisalStatus.Appraising ? "open" : null, "the appraisal to open");
        await Ok(await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests", new { departments = new[] { "Sở Nội vụ" } }));
        await Ok(await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions", new
        {
            department = "Sở Nội vụ", opinionDate = Today, text = "Đề nghị trình Thủ tướng Chính phủ.", stance = "Supports",
        }));
        await Ok(await appraiser.PostAsJsonAsync($"/appraisals/{id}/report", new { recommendation = "Approve" }));
        return (ngoId, id);
    }

    private async Task<DossierStatus> StatusAsync(Guid ngoId, Guid id, Func<DossierStatus, bool> until)
    {
        using var staff = registration.AsNgo(ngoId);
        return await Eventually.Returns(async () =>
        {
            var s = await staff.GetFromJsonAsync<DossierStatus>($"/dossiers/{id}/status", RegistrationApi.Json);
            return until(s!) ? s : null;
        }, "the NGO's status");
    }

    internal static async Task Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
