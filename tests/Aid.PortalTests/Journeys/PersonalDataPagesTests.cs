using System.Text.Json;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// An administrator erases an NGO contact person's personal data from the portal (reason, a check step, then the
/// new state in view); the NGO's own page and the API show "erased"; an auditor reads the erasure record.
/// </summary>
public sealed class PersonalDataPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task An_administrator_erases_a_contact_person_and_an_auditor_reads_the_record(string language)
    {
        string L(string vi, string en) => language == "vi" ? vi : en;
        var ngoId = await Seed.RegisterNgoAsync(system);
        var admin = await browser.SignedInAsync(system.Portal, "admin");
        await admin.GotoAsync($"/culture?c={language}&back=/personal-data");
        await admin.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await admin.GetByLabel(L("Tổ chức", "Organisation"), new() { Exact = true }).SelectOptionAsync(ngoId.ToString());
        var row = admin.Locator("tbody tr", new() { HasText = "Anna Schmidt" });
        await Expect(row).ToContainTextAsync(L("Người liên hệ hiện tại", "Current contact person"));
        await Browser.CheckAsync(admin, $"personal-data-choose-{language}");

        await row.GetByRole(AriaRole.Button, new() { Name = L("Xoá dữ liệu cá nhân", "Erase personal data") }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(admin.Locator("#reason-error")).ToHaveTextAsync(L("Hãy ghi lý do xoá.", "Give the reason for the erasure."));
        await Expect(admin.Locator("#reason")).ToBeFocusedAsync();

        var reason = L("Yêu cầu xoá của chủ thể dữ liệu ngày 01/12/2026.", "The data subject's request of 1 Dec 2026.");
        await admin.GetByLabel(L("Lý do xoá", "Reason for erasure")).FillAsync(reason);
        await admin.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        var check = admin.Locator("#erase-check");
        await Expect(check).ToBeFocusedAsync();
        await Expect(check).ToContainTextAsync("Anna Schmidt");
        await Expect(check).ToContainTextAsync(reason);
        await Expect(check).ToContainTextAsync(L("không thể hoàn tác", "cannot be undone"));
        await Browser.CheckAsync(admin, $"personal-data-check-{language}");

        await admin.GetByRole(AriaRole.Button, new() { Name = L("Xác nhận xoá", "Confirm erasure") }).ClickAsync();
        var done = admin.Locator(".alert.ok");
        await Expect(done).ToContainTextAsync(L("Đã xoá dữ liệu cá nhân của Anna Schmidt", "The personal data of Anna Schmidt was erased"));
        await Expect(done).ToBeFocusedAsync();
        await Expect(admin.Locator("tbody tr").First).ToContainTextAsync(L("Dữ liệu cá nhân đã được xoá", "Personal data erased"));
        await Expect(admin.Locator("tbody tr", new() { HasText = reason })).ToHaveCountAsync(1);
        await Expect(admin.GetByText("Anna Schmidt", new() { Exact = true })).ToHaveCountAsync(0);

        var contact = (await NgoAsync(ngoId)).GetProperty("profile").GetProperty("contact");
        Assert.True(contact.GetProperty("erased").GetBoolean());
        Assert.Equal(JsonValueKind.Null, contact.GetProperty("name").ValueKind);

        var staff = await browser.SignedInAsync(system.Portal, "ngo-staff", ngoId);
        await staff.GotoAsync($"/culture?c={language}&back=/ngo");
        await Expect(staff.Locator("dl.facts")).ToContainTextAsync(L("Dữ liệu cá nhân đã được xoá", "Personal data erased"));

        var auditor = await browser.SignedInAsync(system.Portal, "auditor");
        await auditor.GotoAsync($"/culture?c={language}&back=/personal-data");
        await auditor.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var record = auditor.Locator("tbody tr", new() { HasText = reason });
        await Expect(record).ToContainTextAsync("admin");
        await Expect(record).ToContainTextAsync(L("Sở Ngoại vụ", "Department of Foreign Affairs"));
        await Expect(auditor.GetByLabel(L("Tổ chức", "Organisation"), new() { Exact = true })).ToHaveCountAsync(0);
        await Browser.CheckAsync(auditor, $"personal-data-records-{language}");
    }

    private async Task<JsonElement> NgoAsync(Guid ngoId)
    {
        using var http = await system.ClientAsync("Registration", "intake.officer");
        return JsonDocument.Parse(await http.GetStringAsync($"/ngos/{ngoId}")).RootElement;
    }
}
