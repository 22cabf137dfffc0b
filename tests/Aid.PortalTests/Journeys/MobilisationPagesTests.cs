using System.Net.Http.Json;
using System.Text.Json;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// The public catalogue of projects calling for aid (no sign-in, search by sector and place) and the mobilisation
/// progress page (plan targets against aid committed by an approval and received as recorded by monitoring), in
/// Vietnamese and English, screenshotted.
/// </summary>
public sealed class MobilisationPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    private static readonly int Year = DateTime.UtcNow.AddHours(7).Year;

    [Fact]
    public async Task Anyone_searches_the_catalogue_and_staff_follow_the_plan_in_both_languages()
    {
        var clinic = await PublishAsync("Health", "Xã Phú Lộc", "Nâng cấp trạm y tế xã Phú Lộc", "Upgrading the Phú Lộc health station");
        await PublishAsync("Education", "Phường Tân Phong", "Trường học xanh Tân Phong", "Tân Phong green school");
        await system.SendAsync("mobilisation.officer", HttpMethod.Put, $"/mobilisation/plans/{Year}", new
        {
            targets = new object[] { new { sector = "Health", targetVnd = 10_000_000_000m }, new { sector = "DigitalTransformation", targetVnd = 8_000_000_000m } },
        });

        var dossierId = await ApproveDossierCitingAsync(clinic);
        await ReceiveTrancheAsync(dossierId, clinic);

        // Anonymous, Vietnamese: both entries, then by sector, then by place.
        var visitor = await browser.NewPageAsync(system.Portal);
        await visitor.GotoAsync("/catalogue");
        await Browser.Interactive(visitor);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Danh mục dự án kêu gọi, vận động viện trợ");
        await Expect(visitor.Locator(".catalogue-entry")).ToHaveCountAsync(2);
        await visitor.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Label = "Y tế" });
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await Expect(visitor.Locator(".catalogue-entry")).ToHaveCountAsync(1);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Nâng cấp trạm y tế xã Phú Lộc" })).ToBeVisibleAsync();
        await Expect(visitor.Locator(".catalogue-entry .sector")).ToHaveTextAsync("Y tế");
        await Expect(visitor.Locator(".catalogue-entry .funding")).ToHaveTextAsync("Đã có tài trợ một phần");
        await Browser.CheckAsync(visitor, "mobilisation-01-catalogue-vi");

        await visitor.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Value = "" });
        await visitor.GetByLabel("Xã, phường").FillAsync("tan phong"); // without diacritics
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await Expect(visitor.Locator(".catalogue-entry")).ToHaveCountAsync(1);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Trường học xanh Tân Phong" })).ToBeVisibleAsync();

        // English: the English titles and labels.
        await visitor.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Browser.Interactive(visitor);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Catalogue of projects calling for aid");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Upgrading the Phú Lộc health station" })).ToBeVisibleAsync();
        await Expect(visitor.Locator(".catalogue-entry .sector").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Health|Education and training)$"));
        await Browser.CheckAsync(visitor, "mobilisation-02-catalogue-en");

        // Sở Ngoại vụ: the plan against what came of it.
        var officer = await browser.SignedInAsync(system.Portal, "mobilisation.officer");
        await officer.GotoAsync("/mobilisation");
        await Browser.Interactive(officer);
        var health = officer.Locator("tr[data-sector=Health]");
        await Expect(health.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Y tế");
        await Expect(health.Locator("td").First).ToHaveTextAsync("10.000.000.000 VND");
        await Expect(health.Locator(".committed")).ToHaveTextAsync("2.540.000.000 VND");
        await Expect(health.Locator(".received")).ToHaveTextAsync("1.016.000.000 VND");
        await Expect(officer.Locator("tr[data-sector=DigitalTransformation] th")).ToHaveTextAsync("Chuyển đổi số");
        await Browser.CheckAsync(officer, "mobilisation-03-progress-vi");
        await officer.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Browser.Interactive(officer);
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Progress of the aid mobilisation plan");
        await Expect(officer.Locator("tr[data-sector=Health] td").First).ToHaveTextAsync("10,000,000,000 VND");
        await Browser.CheckAsync(officer, "mobilisation-04-progress-en");

        // A commune proposer may not read the plan; a year without a plan says so.
        var proposer = await browser.SignedInAsync(system.Portal, "commune.proposer");
        Assert.Equal(403, (await proposer.GotoAsync("/mobilisation"))!.Status);
        await officer.GetByLabel("Year").FillAsync((Year + 5).ToString());
        await officer.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(officer.GetByText($"No aid mobilisation plan for {Year + 5} yet.")).ToBeVisibleAsync();
    }

    /// <summary>
    /// An NGO's dossier citing the entry, taken through every agency's service to approval (100,000 USD x 25,400 =
    /// 2.54 bn VND against 3 bn sought: the entry is funded in part).
    /// </summary>
    private async Task<Guid> ApproveDossierCitingAsync(Guid entryId)
    {
        var registered = await system.SendAsync("intake.officer", HttpMethod.Post, "/ngos", new
        {
            profile = new
            {
                nameOwnLanguage = "Stichting Zorg", nameEnglish = "Care Foundation", country = "Netherlands", headOfficeAddress = "Amsterdam",
                contact = new { name = "Eva de Vries" }, fields = new[] { "Health" }, provinces = new[] { "DNA" },
            },
            certificate = new { kind = "OperationRegistration", number = "77/BNG", issueDate = "2024-01-15", expiryDate = "2099-01-15" },
        });
        var ngoId = registered.GetProperty("ngoId").GetGuid();
        var submitted = await system.SendAsync("ngo-staff", HttpMethod.Post, "/dossiers", new
        {
            kind = "Project", title = "Trạm y tế Phú Lộc", aidOwner = "UBND xã Phú Lộc", managingAgency = "Sở Y tế",
            fields = new[] { "Health" }, locations = new[] { "Xã Phú Lộc" },
            budget = new { amount = 100_000m, currency = "USD", exchangeRate = 25_400m },
            startDate = $"{Year + 1}-01-01", endDate = $"{Year + 2}-12-31", objectives = "Khám chữa bệnh ban đầu.", beneficiaries = "12.000 người dân",
            documents = new[] { "ProjectDocument", "CommitmentLetter" }.Select(k => new { kind = k, name = k + ".pdf", sizeBytes = 1000, sha256 = new string('b', 64) }),
            catalogueEntryId = entryId,
        }, ngoId);
        var id = submitted.GetProperty("dossierId").GetGuid();
        await Seed.UploadAsync(system, ngoId, id, Seed.ProjectDocuments);
        await system.SendAsync("intake.officer", HttpMethod.Post, $"/dossiers/{id}/accept", null);

        await UntilOkAsync("Security", "security.officer", $"/security-reviews/{id}");
        await system.SendAsync("security.officer", HttpMethod.Post, $"/security-reviews/{id}/assignments", new { officers = new[] { "security.officer" } }, service: "Security");
        await system.SendAsync("security.officer", HttpMethod.Post, $"/security-reviews/{id}/findings", new { text = "Không có vấn đề.", severity = "Low" }, service: "Security");
        await system.SendAsync("security.officer", HttpMethod.Post, $"/security-reviews/{id}/conclusion", new { verdict = "Cleared" }, service: "Security");

        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd");
        await UntilOkAsync("Appraisal", "appraiser", $"/appraisals/{id}", body => body.Contains("\"Appraising\""));
        await system.SendAsync("appraiser", HttpMethod.Post, $"/appraisals/{id}/opinion-requests", new { departments = new[] { "Sở Y tế" } }, service: "Appraisal");
        await system.SendAsync("appraiser", HttpMethod.Post, $"/appraisals/{id}/opinions",
            new { department = "Sở Y tế", opinionDate = today, text = "Đồng ý.", stance = "Supports" }, service: "Appraisal");
        await system.SendAsync("appraiser", HttpMethod.Post, $"/appraisals/{id}/report", new { recommendation = "Approve" }, service: "Appraisal");
        await system.SendAsync("decision.maker", HttpMethod.Post, $"/decisions/{id}/approve",
            new { decisionNumber = "15/QĐ-UBND", decisionDate = today, signer = "Chủ tịch UBND tỉnh" }, service: "Appraisal");
        await UntilOkAsync("Registration", "mobilisation.officer", $"/catalogue/entries/{entryId}", body => body.Contains("\"funding\":\"Partly\""));
        return id;
    }

    /// <summary>
    /// Sở Ngoại vụ's monitoring officer types "40.000" USD received, the Vietnamese way, in the portal (1.016 bn VND at
    /// the approved rate; the page checks the 1.016.000.000 VND received, so forty USD read instead would fail it).
    /// </summary>
    private async Task ReceiveTrancheAsync(Guid dossierId, Guid entryId)
    {
        await UntilOkAsync("Monitoring", "monitoring.officer", $"/projects/{dossierId}");
        var monitor = await browser.SignedInAsync(system.Portal, "monitoring.officer");
        await monitor.GotoAsync($"/work/{dossierId}");
        await Browser.Interactive(monitor);
        var tranche = monitor.GetByRole(AriaRole.Region, new() { Name = "Ghi nhận đợt tiếp nhận viện trợ", Exact = true });
        await tranche.GetByLabel("Số tiền *").FillAsync("40,000");
        await tranche.GetByLabel("Tiền tệ *").FillAsync("USD");
        await tranche.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận đợt tiếp nhận viện trợ" }).ClickAsync();
        await Expect(tranche.Locator(".field-error")).ToContainTextAsync("40.000");
        await tranche.GetByLabel("Số tiền *").FillAsync("40.000");
        await Expect(tranche.Locator("output.echo")).ToHaveTextAsync("= 40.000 USD");
        await tranche.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận đợt tiếp nhận viện trợ" }).ClickAsync();
        await Expect(DeskActions.CheckStep(tranche).Locator("dd[data-field=amount]")).ToHaveTextAsync("40.000 USD");
        await DeskActions.ConfirmAsync(tranche);
        await Expect(monitor.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã thực hiện" })).ToBeVisibleAsync();
        await UntilOkAsync("Registration", "mobilisation.officer", $"/catalogue/entries/{entryId}", body => body.Contains("\"trancheId\""));
    }

    private async Task UntilOkAsync(string service, string user, string path, Func<string, bool>? condition = null)
    {
        using var http = await system.ClientAsync(service, user);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await http.GetAsync(path);
            if (response.IsSuccessStatusCode && (condition is null || condition(await response.Content.ReadAsStringAsync())))
                return;
            Assert.True(DateTime.UtcNow < deadline, $"GET {service} {path} as {user}: still {(int)response.StatusCode}");
            await Task.Delay(250);
        }
    }

    private async Task<Guid> PublishAsync(string sector, string commune, string titleVi, string titleEn)
    {
        var proposed = await system.SendAsync("commune.proposer", HttpMethod.Post, "/catalogue/entries", new
        {
            entry = new
            {
                titleVi, titleEn, sector, commune, beneficiaries = "5.000 người dân", estimatedCostVnd = 4_000_000_000m,
                counterpartFundsVnd = 1_000_000_000m, priority = "High", proposingBody = $"UBND {commune}",
                contact = new { name = "Đặng Văn Minh", phone = "0251 3822 123" },
            },
        });
        var id = proposed.GetProperty("entryId").GetGuid();
        await system.SendAsync("mobilisation.officer", HttpMethod.Post, $"/catalogue/entries/{id}/publish", null);
        return id;
    }
}
