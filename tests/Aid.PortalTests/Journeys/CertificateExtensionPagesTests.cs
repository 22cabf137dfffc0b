using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// The NGO asks Sở Ngoại vụ for a certificate extension from its own page (what is missing named first, then a check
/// step); the intake officer sees the request marked in the registry and on the NGO's page, declines it with a reason,
/// then extends the certificate to the date of the NGO's second request (prefilled); the NGO reads each outcome and
/// its new expiry date.
/// </summary>
public sealed class CertificateExtensionPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task The_NGO_asks_the_officer_declines_then_extends_after_a_second_request(string language)
    {
        string L(string vi, string en) => language == "vi" ? vi : en;
        string D(DateOnly d) => language == "vi" ? d.ToString("dd/MM/yyyy") : d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var ngoId = await Seed.RegisterNgoAsync(system);
        var (first, second) = (new DateOnly(Seed.VietnamToday.Year + 2, 3, 1), new DateOnly(Seed.VietnamToday.Year + 3, 3, 1));

        // The NGO asks: nothing typed is named first, then the check step, then the request awaits an answer.
        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", ngoId);
        await ngo.GotoAsync($"/culture?c={language}&back=/ngo");
        await Browser.Interactive(ngo);
        await AskAsync(ngo, L, first, L("Hai dự án nước sạch kéo dài đến năm sau.", "Two clean-water projects run into next year."), $"extension-ask-{language}");
        await Expect(ngo.Locator(".alert.ok")).ToContainTextAsync(D(first));
        var request = ngo.Locator("#extension-request");
        await Expect(request).ToContainTextAsync(L("đang chờ Sở Ngoại vụ trả lời", "awaits the Department of Foreign Affairs' answer"));
        await Expect(ngo.GetByRole(AriaRole.Button, new() { Name = L("Xin gia hạn giấy đăng ký", "Ask for a certificate extension") })).ToHaveCountAsync(0);
        await Browser.CheckAsync(ngo, $"extension-asked-{language}");

        // The officer sees it marked in the registry, reads it on the NGO's page and declines it with a reason.
        var officer = await browser.SignedInAsync(system.Portal, "intake.officer");
        await officer.GotoAsync($"/culture?c={language}&back=/registry");
        await Browser.Interactive(officer);
        var row = officer.Locator($"tr:has(a[href='/registry/{ngoId}'])");
        await Expect(row.Locator(".badge")).ToHaveTextAsync(L($"Xin gia hạn đến {D(first)}", $"Asks for an extension to {D(first)}"));
        await Browser.CheckAsync(officer, $"extension-registry-list-{language}");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await officer.WaitForURLAsync($"**/registry/{ngoId}");
        await Browser.Interactive(officer);
        await Expect(officer.Locator("#extension-request")).ToContainTextAsync(L("Hai dự án nước sạch", "Two clean-water projects"));
        await Browser.CheckAsync(officer, $"extension-registry-ngo-{language}");
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Không chấp thuận đề nghị gia hạn", "Decline the extension request") }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(officer.Locator(".error-summary")).ToContainTextAsync(L("Nêu lý do.", "Give the reason."));
        var why = L("Chưa nộp báo cáo năm 2025.", "The 2025 annual report is missing.");
        await officer.Locator("#reason").FillAsync(why);
        await ContinueAndConfirmAsync(officer, L, $"extension-decline-check-{language}");
        await Expect(officer.Locator(".alert.ok")).ToContainTextAsync(L("không chấp thuận đề nghị gia hạn", "extension request is declined"));
        await Expect(officer.Locator("#extension-request")).ToContainTextAsync(why);

        // The NGO reads the refusal and its reason, and asks again.
        await ngo.GotoAsync("/ngo");
        await Browser.Interactive(ngo);
        await Expect(request).ToContainTextAsync(L("không chấp thuận", "declined"));
        await Expect(request).ToContainTextAsync(why);
        await Browser.CheckAsync(ngo, $"extension-declined-{language}");
        await AskAsync(ngo, L, second, L("Đã nộp báo cáo năm 2025.", "The 2025 annual report is filed."));

        // The officer extends: the date asked for is already filled in, and the check names the request it answers.
        await officer.GotoAsync($"/registry/{ngoId}");
        await Browser.Interactive(officer);
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Gia hạn giấy đăng ký", "Extend the certificate") }).ClickAsync();
        await Expect(officer.GetByLabel(L("Ngày hết hạn mới *", "New expiry date *"))).ToHaveValueAsync(second.ToString("yyyy-MM-dd"));
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(officer.Locator("#act-check")).ToContainTextAsync(L($"gia hạn đến {D(second)}", $"to extend to {D(second)}"));
        await Browser.CheckAsync(officer, $"extension-extend-check-{language}");
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Xác nhận", "Confirm"), Exact = true }).ClickAsync();
        await Expect(officer.GetByText(L($"Đã gia hạn giấy đăng ký đến {D(second)}.", $"The certificate is extended to {D(second)}."), new() { Exact = true })).ToBeVisibleAsync();

        // The NGO reads the new expiry date.
        await ngo.GotoAsync("/ngo");
        await Browser.Interactive(ngo);
        await Expect(request).ToContainTextAsync(L($"đã gia hạn giấy đăng ký đến {D(second)}", $"extended the certificate to {D(second)}"));
        await Expect(ngo.Locator("#ngo-heading + dl.facts")).ToContainTextAsync(D(second));
        await Browser.CheckAsync(ngo, $"extension-granted-{language}");

        var record = await system.SendAsync("intake.officer", HttpMethod.Get, $"/ngos/{ngoId}");
        Assert.Equal(second.ToString("yyyy-MM-dd"), record.GetProperty("certificate").GetProperty("expiryDate").GetString());
        Assert.Equal("Granted", record.GetProperty("extensionRequest").GetProperty("status").GetString());
    }

    private static async Task AskAsync(IPage ngo, Func<string, string, string> L, DateOnly to, string reason, string? checkedAs = null)
    {
        await ngo.GetByRole(AriaRole.Button, new() { Name = L("Xin gia hạn giấy đăng ký", "Ask for a certificate extension") }).ClickAsync();
        await ngo.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        var summary = ngo.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync(L("Nhập ngày xin gia hạn đến.", "Enter the date to extend to."));
        await Expect(summary).ToContainTextAsync(L("Nêu lý do xin gia hạn.", "Say why the organisation asks."));
        await ngo.GetByLabel(L("Gia hạn đến ngày *", "Extend to *")).FillAsync(to.ToString("yyyy-MM-dd"));
        await ngo.GetByLabel(L("Lý do xin gia hạn *", "Why the organisation asks *")).FillAsync(reason);
        await ngo.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(ngo.Locator("#ask-check")).ToBeFocusedAsync();
        if (checkedAs is not null)
            await Browser.CheckAsync(ngo, checkedAs);
        await ngo.GetByRole(AriaRole.Button, new() { Name = L("Gửi đề nghị", "Send the request") }).ClickAsync();
        await Expect(ngo.Locator(".alert.ok")).ToBeVisibleAsync();
    }

    private static async Task ContinueAndConfirmAsync(IPage officer, Func<string, string, string> L, string checkedAs)
    {
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(officer.Locator("#act-check")).ToBeFocusedAsync();
        await Browser.CheckAsync(officer, checkedAs);
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Xác nhận", "Confirm"), Exact = true }).ClickAsync();
    }
}
