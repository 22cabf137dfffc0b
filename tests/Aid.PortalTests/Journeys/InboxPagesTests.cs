using System.Net.Http.Headers;
using System.Net.Http.Json;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// The inbox fed by the Notifications service: the header's unread count rises while the page is open (a certificate
/// falling due, then a dossier received), the message opens and is marked read, and e-mail is turned off per kind.
/// </summary>
public sealed class InboxPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [Fact]
    public async Task The_inbox_count_rises_as_things_happen_and_a_message_opens_and_is_read()
    {
        var ngoId = await Seed.RegisterNgoAsync(system);
        var staff = await browser.SignedInAsync(system.Portal, "ngo-staff", ngoId);
        await staff.GotoAsync("/ngo");
        var count = staff.Locator("header a.inbox-link");
        // The certificate expires in 60 days: the reminder scan tells the NGO, and the open page shows it.
        await Expect(count).ToHaveAttributeAsync("data-unread", "1", new() { Timeout = 30_000 });

        // A dossier is received: the count rises again without a reload.
        using (var http = new HttpClient { BaseAddress = system.Urls["Registration"] })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.TokenAsync("ngo-staff", ngoId));
            var submitted = await http.PostAsJsonAsync("/dossiers", new
            {
                kind = "Project", title = "Nước sạch cho trường học Tân Phú", aidOwner = "UBND huyện Tân Phú",
                managingAgency = "Sở Giáo dục và Đào tạo", fields = new[] { "Education" }, locations = new[] { "Xã Phú Lộc" },
                budget = new { amount = 120000, currency = "USD", exchangeRate = 25400, counterpartFundingVnd = 50000000 },
                startDate = "2027-01-01", endDate = "2028-12-31", objectives = "Safe drinking water for 12 schools.",
                beneficiaries = "4,000 pupils", sensitiveAreas = Array.Empty<string>(),
                documents = new[]
                {
                    new { kind = "ProjectDocument", name = "project.pdf", sizeBytes = 1000, sha256 = new string('a', 64) },
                    new { kind = "CommitmentLetter", name = "letter.pdf", sizeBytes = 1000, sha256 = new string('a', 64) },
                },
            });
            Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        }
        await Expect(count).ToHaveAttributeAsync("data-unread", "2", new() { Timeout = 30_000 });
        await Expect(count).ToHaveAttributeAsync("aria-label", "Thông báo: 2 chưa đọc");

        await count.ClickAsync();
        await staff.WaitForURLAsync("**/inbox");
        var received = staff.Locator("ul.inbox li.unread a.subject", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Đã tiếp nhận hồ sơ SNV-") });
        await Expect(received).ToHaveCountAsync(1);
        await Expect(staff.Locator("ul.inbox li.unread", new() { HasText = "Giấy đăng ký" })).ToHaveCountAsync(1);
        await Browser.CheckAsync(staff, "inbox");

        await received.ClickAsync();
        await Expect(staff.Locator("h1")).ToContainTextAsync("Đã tiếp nhận hồ sơ SNV-");
        await Expect(staff.Locator(".message-body")).ToContainTextAsync("Ngày hẹn trả kết quả:");
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Mở trang liên quan" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/ngo/dossiers/"));
        await Browser.CheckAsync(staff, "inbox-message");
        // Opened is read: one unread left.
        await staff.GotoAsync("/inbox");
        await Expect(count).ToHaveAttributeAsync("data-unread", "1");
        await Expect(staff.Locator("ul.inbox li.read a.subject", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Đã tiếp nhận hồ sơ") })).ToHaveCountAsync(1);

        // E-mail per kind: the NGO turns off the certificate reminders.
        await staff.GotoAsync("/inbox/preferences");
        await staff.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var certificate = staff.GetByLabel("Giấy đăng ký sắp hết hạn");
        await Expect(certificate).ToBeCheckedAsync();
        await certificate.UncheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Lưu lựa chọn" }).ClickAsync();
        await Expect(staff.Locator(".alert.ok")).ToHaveTextAsync("Đã lưu lựa chọn.");
        await Browser.CheckAsync(staff, "inbox-preferences");
        await staff.ReloadAsync();
        await Expect(staff.GetByLabel("Giấy đăng ký sắp hết hạn")).Not.ToBeCheckedAsync();
        await Expect(staff.GetByLabel("Yêu cầu bổ sung hồ sơ")).ToBeCheckedAsync();
    }
}
