using System.Net.Http.Headers;
using System.Net.Http.Json;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// The public catalogue of projects calling for aid (no sign-in, search by sector and place) and the mobilisation
/// progress page (plan targets against committed and received aid), in Vietnamese and English, screenshotted.
/// </summary>
public sealed class MobilisationPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    private static readonly int Year = DateTime.UtcNow.AddHours(7).Year;

    [Fact]
    public async Task Anyone_searches_the_catalogue_and_staff_follow_the_plan_in_both_languages()
    {
        await PublishAsync("Health", "Xã Phú Lộc", "Nâng cấp trạm y tế xã Phú Lộc", "Upgrading the Phú Lộc health station");
        await PublishAsync("Education", "Phường Tân Phong", "Trường học xanh Tân Phong", "Tân Phong green school");
        await SendAsync("mobilisation.officer", HttpMethod.Put, $"/mobilisation/plans/{Year}", new
        {
            targets = new object[] { new { sector = "Health", targetVnd = 10_000_000_000m }, new { sector = "DigitalTransformation", targetVnd = 8_000_000_000m } },
        });

        // Anonymous, Vietnamese: both entries, then by sector, then by place.
        var visitor = await browser.NewPageAsync(system.Portal);
        await visitor.GotoAsync("/catalogue");
        await Interactive(visitor);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Danh mục dự án kêu gọi, vận động viện trợ");
        await Expect(visitor.Locator(".catalogue-entry")).ToHaveCountAsync(2);
        await visitor.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Label = "Y tế" });
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await Expect(visitor.Locator(".catalogue-entry")).ToHaveCountAsync(1);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Nâng cấp trạm y tế xã Phú Lộc" })).ToBeVisibleAsync();
        await Expect(visitor.Locator(".catalogue-entry .sector")).ToHaveTextAsync("Y tế");
        await Expect(visitor.Locator(".catalogue-entry .funding")).ToHaveTextAsync("Đang kêu gọi");
        await Browser.CheckAsync(visitor, "mobilisation-01-catalogue-vi");

        await visitor.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Value = "" });
        await visitor.GetByLabel("Xã, phường").FillAsync("tân phong");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await Expect(visitor.Locator(".catalogue-entry")).ToHaveCountAsync(1);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Trường học xanh Tân Phong" })).ToBeVisibleAsync();

        // English: the English titles and labels.
        await visitor.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Interactive(visitor);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Catalogue of projects calling for aid");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Upgrading the Phú Lộc health station" })).ToBeVisibleAsync();
        await Expect(visitor.Locator(".catalogue-entry .sector").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Health|Education and training)$"));
        await Browser.CheckAsync(visitor, "mobilisation-02-catalogue-en");

        // Sở Ngoại vụ: the plan against what came of it.
        var officer = await browser.SignedInAsync(system.Portal, "mobilisation.officer");
        await officer.GotoAsync("/mobilisation");
        await Interactive(officer);
        var health = officer.Locator("tr[data-sector=Health]");
        await Expect(health.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Y tế");
        await Expect(health.Locator("td").First).ToHaveTextAsync("10.000.000.000 ₫");
        await Expect(health.Locator(".committed")).ToHaveTextAsync("0 ₫");
        await Expect(officer.Locator("tr[data-sector=DigitalTransformation] th")).ToHaveTextAsync("Chuyển đổi số");
        await Browser.CheckAsync(officer, "mobilisation-03-progress-vi");
        await officer.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Interactive(officer);
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

    private async Task PublishAsync(string sector, string commune, string titleVi, string titleEn)
    {
        var proposed = await SendAsync("commune.proposer", HttpMethod.Post, "/catalogue/entries", new
        {
            entry = new
            {
                titleVi, titleEn, sector, commune, beneficiaries = "5.000 người dân", estimatedCostVnd = 4_000_000_000m,
                counterpartFundsVnd = 1_000_000_000m, priority = "High", proposingBody = $"UBND {commune}",
                contact = new { name = "Đặng Văn Minh", phone = "0251 3822 123" },
            },
        });
        var id = (await proposed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("entryId").GetGuid();
        await SendAsync("mobilisation.officer", HttpMethod.Post, $"/catalogue/entries/{id}/publish", null);
    }

    private async Task<HttpResponseMessage> SendAsync(string user, HttpMethod method, string path, object? body)
    {
        using var http = new HttpClient { BaseAddress = system.Urls["Registration"] };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.TokenAsync(user));
        var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static Task Interactive(IPage page) =>
        page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
}
