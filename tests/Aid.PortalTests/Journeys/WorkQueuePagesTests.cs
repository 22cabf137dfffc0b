using System.Text.Json;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// A monitoring officer works the queue: searches by receipt code and by NGO name typed without diacritics, keeps
/// only the overdue lines, pages through one line a page and comes back with the browser's back button; the address
/// keeps the query throughout. Projects approved with a start two years ago owe reports already overdue.
/// </summary>
public sealed class WorkQueuePagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task An_officer_searches_filters_overdue_and_pages(string language)
    {
        string L(string vi, string en) => language == "vi" ? vi : en;
        var token = language == "vi" ? "1" : "2";
        var today = Seed.VietnamToday;
        var late = await ApproveAsync($"SNV-20241105-{token}01", $"Hội Hữu nghị Đồng Nai {language}", today.AddYears(-2));
        var alsoLate = await ApproveAsync($"SNV-20241105-{token}02", $"Plan International {language}", today.AddYears(-2).AddMonths(1));
        var onTime = await ApproveAsync($"SNV-20241105-{token}03", $"World Vision {language}", today.AddMonths(2));
        using (var api = await system.ClientAsync("Monitoring", "monitoring.officer"))
            await ServiceCalls.UntilAsync("the three projects in the monitoring queue", async () =>
                JsonDocument.Parse(await api.GetStringAsync($"/projects/queue?q=SNV-20241105-{token}")).RootElement.GetProperty("total").GetInt32() == 3);

        var officer = await browser.SignedInAsync(system.Portal, "monitoring.officer");
        await officer.GotoAsync($"/culture?c={language}&back=/work");
        await Browser.Interactive(officer);
        await Expect(officer.Locator("table.queue")).ToContainTextAsync(onTime);
        await Browser.CheckAsync(officer, $"work-queue-{language}");

        var search = officer.GetByLabel(L("Tìm theo mã biên nhận, tên tổ chức, tên hồ sơ", "Search by receipt code, NGO or title"));
        await search.FillAsync(alsoLate);
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Tìm", "Search"), Exact = true }).ClickAsync();
        await officer.WaitForURLAsync($"**/work?q={alsoLate}*");
        await Browser.Interactive(officer);
        await Expect(officer.Locator("table.queue tbody tr")).ToHaveCountAsync(1);
        await Expect(officer.Locator("table.queue")).ToContainTextAsync(alsoLate);

        await search.FillAsync($"huu nghi dong nai {language}");
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Tìm", "Search"), Exact = true }).ClickAsync();
        // The GET form loads a new page; what is typed before its circuit renders would be replaced, so wait for it.
        await officer.WaitForURLAsync($"**/work?q=huu+nghi+dong+nai+{language}*");
        await Browser.Interactive(officer);
        await Expect(officer.Locator("table.queue tbody tr")).ToHaveCountAsync(1);
        await Expect(officer.Locator("table.queue")).ToContainTextAsync(late);
        await Expect(search).ToHaveValueAsync($"huu nghi dong nai {language}");
        await Browser.CheckAsync(officer, $"work-queue-search-{language}");

        await search.FillAsync($"SNV-20241105-{token}");
        await officer.GetByLabel(L("Tình trạng hạn", "Deadline")).SelectOptionAsync("Overdue");
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Tìm", "Search"), Exact = true }).ClickAsync();
        await officer.WaitForURLAsync("**flag=Overdue*");
        await Browser.Interactive(officer);
        await Expect(officer.Locator("table.queue tbody tr")).ToHaveCountAsync(2);
        await Expect(officer.Locator("table.queue")).Not.ToContainTextAsync(onTime);
        await Expect(officer.Locator("table.queue tbody tr").First).ToContainTextAsync(late);
        await Expect(officer.Locator("table.queue")).ToContainTextAsync(L("Quá hạn", "Overdue"));
        await Browser.CheckAsync(officer, $"work-queue-overdue-{language}");

        await officer.GotoAsync($"/work?q=SNV-20241105-{token}&pageSize=1");
        await Browser.Interactive(officer);
        var pages = officer.GetByRole(AriaRole.Navigation, new() { Name = L("Chuyển trang", "Pages") });
        await Expect(pages).ToContainTextAsync(L("Trang 1/3", "Page 1 of 3"));
        await Expect(officer.Locator("table.queue tbody tr")).ToHaveCountAsync(1);
        await Expect(officer.Locator("table.queue")).ToContainTextAsync(late);
        await pages.GetByRole(AriaRole.Link, new() { Name = L("Trang sau", "Next page") }).ClickAsync();
        await officer.WaitForURLAsync("**page=2*");
        await Browser.Interactive(officer);
        await Expect(pages).ToContainTextAsync(L("Trang 2/3", "Page 2 of 3"));
        await Expect(officer.Locator("table.queue")).ToContainTextAsync(alsoLate);
        await Browser.CheckAsync(officer, $"work-queue-page-{language}");
        await officer.GoBackAsync();
        await Expect(pages).ToContainTextAsync(L("Trang 1/3", "Page 1 of 3"));
        await Expect(officer.Locator("table.queue")).ToContainTextAsync(late);
    }

    /// <summary>An approval as UBND tỉnh publishes it; monitoring starts with reports due from six months after the start.</summary>
    private async Task<string> ApproveAsync(string receiptCode, string ngoName, DateOnly start)
    {
        await Seed.PublishAsync(system, new DossierDecided(
            new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow, "seed", "UBND", null, null, "appraisal", 1), Guid.NewGuid(), receiptCode,
            DecisionOutcome.Approved)
        {
            DecisionNumber = "12/QĐ-UBND", DecisionDate = start.AddDays(-30), Signer = "Nguyễn Văn A", NgoId = Guid.NewGuid(),
            Title = "Nước sạch cho trường học", AmountVnd = 254_000_000, StartDate = start, EndDate = start.AddYears(3),
            NgoName = ngoName, AidKind = "Project",
        });
        return receiptCode;
    }
}
