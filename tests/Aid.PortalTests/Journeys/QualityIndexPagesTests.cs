using System.Net.Http.Headers;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// An NGO rates how its refused dossier was served, on its dossier page; Sở Ngoại vụ then reads the service-quality
/// index on the statistics page (chart, table, the lost point linking to the dossier), in Vietnamese and English.
/// </summary>
public sealed class QualityIndexPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [Fact]
    public async Task An_ngo_rates_the_service_and_the_statistics_page_shows_the_index()
    {
        var ngoId = await Seed.RegisterNgoAsync(system);
        var (dossierId, code) = await SubmitAndAcceptAsync(ngoId);
        var today = Seed.VietnamToday;
        await Seed.PublishAsync(system, new DossierDecided(
            new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow, "seed", "UBND", null, null, "appraisal", 1), dossierId, code, DecisionOutcome.Refused)
        {
            Reasons = "Không phù hợp quy hoạch", DecisionDate = today, DecisionDueDate = today, OnTime = true, NgoId = ngoId, AidKind = "EmergencyRelief",
        });

        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", ngoId);
        await ngo.GotoAsync($"/ngo/dossiers/{dossierId}");
        var rating = ngo.Locator("[data-testid=service-rating]");
        await Expect(rating).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(rating.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Đánh giá mức độ hài lòng");
        await Browser.CheckAsync(ngo, "40-ngo-rating-form-vi");
        await rating.GetByLabel("2 — Không hài lòng").CheckAsync();
        await rating.GetByLabel("Nhận xét (không bắt buộc)").FillAsync("Thời gian chờ quyết định dài.");
        await rating.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Expect(rating.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cảm ơn tổ chức đã đánh giá: 2/5.");
        await ngo.GotoAsync($"/culture?c=en&back=/ngo/dossiers/{dossierId}");
        await Expect(ngo.Locator("[data-testid=service-rating]")).ToContainTextAsync("Thank you for your rating: 2 of 5.");
        await Browser.CheckAsync(ngo, "41-ngo-rated-en");

        var officer = await browser.SignedInAsync(system.Portal, "monitoring.officer");
        var lost = officer.Locator("[data-testid=quality-lost] tbody tr", new() { HasText = code });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await officer.GotoAsync("/statistics");
            await officer.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await officer.WaitForTimeoutAsync(1_000);
        } while (await lost.CountAsync() == 0 && DateTime.UtcNow < deadline);
        await Expect(lost).ToContainTextAsync("Đánh giá chưa hài lòng");
        await Expect(lost.GetByRole(AriaRole.Link, new() { Name = code })).ToHaveAttributeAsync("href", $"/audit/{dossierId}");
        await Expect(lost.Locator("code")).ToHaveCountAsync(1);
        await Expect(officer.Locator("[data-testid=chart-quality] > svg")).ToBeVisibleAsync();
        var agencies = officer.Locator("[data-testid=quality-table] tbody tr");
        await Expect(agencies.Locator("th")).ToContainTextAsync(["Sở Ngoại vụ", "Công an tỉnh", "Sở Tài chính", "Ủy ban nhân dân tỉnh"]);
        await Expect(officer.Locator("[data-testid=quality-table] tr[data-row=province] td").Last).ToContainTextAsync("2/5");
        await Browser.CheckAsync(officer, "42-statistics-quality-vi");

        await officer.GotoAsync("/culture?c=en&back=/statistics");
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Service-quality index (Decision 766/QĐ-TTg)" })).ToBeVisibleAsync();
        await Expect(officer.Locator("[data-testid=quality-lost] tbody tr", new() { HasText = code })).ToContainTextAsync("Rating below very satisfied");
        await Browser.CheckAsync(officer, "43-statistics-quality-en");
    }

    private async Task<(Guid Id, string Code)> SubmitAndAcceptAsync(Guid ngoId)
    {
        var (id, code) = await Seed.SubmitDossierAsync(system, ngoId);
        using var http = new HttpClient { BaseAddress = system.Urls["Registration"] };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.TokenAsync("intake.officer"));
        var accepted = await http.PostAsync($"/dossiers/{id}/accept", null);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        return (id, code);
    }
}
