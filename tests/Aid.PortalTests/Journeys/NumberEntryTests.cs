using System.Text.Json;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// An NGO types its budget the way its language writes numbers; the portal echoes what it understood, refuses what
/// could mean two numbers, shows every value on the "check your answers" step, and the Registration service stores
/// exactly that (read back through the audit API).
/// </summary>
public sealed class NumberEntryTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("vi", "40,000", "40.000", "25.400", "40.000 USD = 1.016.000.000 VND", "1 USD = 25.400 VND")]
    [InlineData("en", "40.000", "40,000", "25,400", "40,000 USD = 1,016,000,000 VND", "1 USD = 25,400 VND")]
    public async Task A_budget_typed_in_the_readers_language_is_stored_as_meant(
        string language, string ambiguous, string amount, string rate, string amountEcho, string rateEcho)
    {
        string L(string vi, string en) => language == "vi" ? vi : en;
        var ngoId = await Seed.RegisterNgoAsync(system);
        var page = await browser.SignedInAsync(system.Portal, "ngo-staff", ngoId);
        await page.GotoAsync($"/culture?c={language}&back=/ngo/dossiers/new");
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.GetByLabel(L("Tên chương trình, dự án *", "Title *")).FillAsync("Nước sạch cho trường học");
        await page.GetByLabel(L("Chủ khoản viện trợ *", "Aid owner *")).FillAsync("UBND huyện Tân Phú");
        await page.GetByLabel(L("Cơ quan chủ quản *", "Managing agency *")).FillAsync("Sở Giáo dục và Đào tạo");
        await page.GetByLabel(L("Lĩnh vực *", "Fields *")).FillAsync("Water");
        await page.GetByLabel(L("Địa điểm thực hiện *", "Locations *")).FillAsync("Xã Phú Lộc");

        // What could be forty or forty thousand is refused, with the way to write it.
        var amountBox = page.GetByLabel(L("Số tiền *", "Amount *"));
        await amountBox.FillAsync(ambiguous);
        await Expect(page.Locator("#amount-error")).ToContainTextAsync(amount);
        await Expect(amountBox).ToHaveAttributeAsync("aria-invalid", "true");

        await amountBox.FillAsync(amount);
        await page.GetByLabel(L("Tỷ giá quy đổi VND", "Exchange rate to VND")).FillAsync(rate);
        await Expect(page.Locator("#amount-echo")).ToHaveTextAsync("= " + amountEcho);
        await Expect(page.Locator("#rate-echo")).ToHaveTextAsync("= " + rateEcho);
        await page.GetByLabel(L("Ngày bắt đầu *", "Start date *")).FillAsync("2027-01-01");
        await page.GetByLabel(L("Ngày kết thúc *", "End date *")).FillAsync("2027-12-31");
        await page.GetByLabel(L("Mục tiêu *", "Objectives *")).FillAsync("Nước uống an toàn.");
        await page.GetByLabel(L("Đối tượng thụ hưởng *", "Beneficiaries *")).FillAsync("1.200 học sinh");

        // Continue without the documents: the error summary takes focus and links to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.Locator("#file-ProjectDocument")).ToBeFocusedAsync();
        await Browser.CheckAsync(page, $"numbers-errors-{language}");

        await page.GetByLabel(L("Văn kiện dự án *", "Project document *")).SetInputFilesAsync(Seed.Pdf("ProjectDocument.pdf"));
        await page.GetByLabel(L("Thư cam kết của nhà tài trợ *", "Donor's commitment letter *")).SetInputFilesAsync(Seed.Pdf("CommitmentLetter.pdf"));
        await Expect(page.GetByText(L("Đã chọn: CommitmentLetter.pdf", "Chosen: CommitmentLetter.pdf"))).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();

        await Expect(page.Locator("#review-amount")).ToHaveTextAsync(amountEcho.Split(" = ")[0]);
        await Expect(page.Locator("#review-vnd")).ToHaveTextAsync(amountEcho.Split(" = ")[1]);
        await Expect(page.Locator("#review-heading")).ToBeFocusedAsync();
        await Browser.CheckAsync(page, $"numbers-review-{language}");
        await page.GetByRole(AriaRole.Button, new() { Name = L("Nộp hồ sơ", "Submit the dossier") }).ClickAsync();

        var open = page.GetByRole(AriaRole.Link, new() { Name = L("Xem hồ sơ", "Open the dossier") });
        await Expect(open).ToBeVisibleAsync();
        var dossierId = Guid.Parse((await open.GetAttributeAsync("href"))!.Split('/').Last());

        var budget = await StoredBudgetAsync(dossierId);
        Assert.Equal(40_000m, budget.GetProperty("amount").GetDecimal());
        Assert.Equal("USD", budget.GetProperty("currency").GetString());
        Assert.Equal(25_400m, budget.GetProperty("exchangeRate").GetDecimal());
        Assert.Equal(1_016_000_000m, budget.GetProperty("amountVnd").GetDecimal());
    }

    /// <summary>The budget of the dossier's DossierSubmitted event, as the Registration service stored it.</summary>
    private async Task<JsonElement> StoredBudgetAsync(Guid dossierId)
    {
        using var http = await system.ClientAsync("Registration", "auditor");
        var events = JsonDocument.Parse(await http.GetStringAsync($"/audit/dossiers/{dossierId}/events")).RootElement.GetProperty("events");
        var submitted = events.EnumerateArray().Single(e => e.GetProperty("eventType").GetString()!.Contains("dossier_submitted", StringComparison.OrdinalIgnoreCase)
            || e.GetProperty("eventType").GetString()!.Contains("DossierSubmitted"));
        return Camel(submitted.GetProperty("payload")).GetProperty("content").GetProperty("budget");
    }

    /// <summary>The stored JSON with camelCase names, whatever casing the store writes.</summary>
    private static JsonElement Camel(JsonElement element) => JsonSerializer.SerializeToElement(
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(element.GetRawText())!
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Key), p => p.Value.ValueKind == JsonValueKind.Object ? Camel(p.Value) : p.Value));
}
