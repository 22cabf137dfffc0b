using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// The catalogue of projects calling for aid, worked from the portal: a commune proposes a project (what is missing
/// named first, then a check step), Sở Ngoại vụ returns it with a reason, the commune reads the reason and resubmits,
/// Sở Ngoại vụ publishes it, anyone reads it in the public catalogue and an NGO expresses interest; each step through a
/// check of what will be recorded, and the API holds exactly what was typed.
/// </summary>
public sealed class CataloguePagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task A_commune_proposes_Sở_Ngoại_vụ_returns_then_publishes_and_an_NGO_expresses_interest(string language)
    {
        string L(string vi, string en) => language == "vi" ? vi : en;
        var tag = $"{language}-{Guid.NewGuid().ToString("N")[..6]}";
        var titleVi = $"Nâng cấp trạm y tế xã Phú Lộc {tag}";
        var titleEn = $"Upgrading the Phú Lộc health station {tag}";
        var title = L(titleVi, titleEn);
        var reason = L("Bổ sung vốn đối ứng của xã.", "Add the commune's counterpart funds.");

        // The commune proposes: an empty form names what is missing, then the check step shows what will be recorded.
        var proposer = await browser.SignedInAsync(system.Portal, "commune.proposer");
        await proposer.GotoAsync($"/culture?c={language}&back=/proposals");
        await Browser.Interactive(proposer);
        await Expect(proposer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(L("Đề xuất danh mục kêu gọi viện trợ", "Catalogue proposals"));
        await Browser.CheckAsync(proposer, $"catalogue-01-proposals-{language}");
        await Expect(proposer.GetByRole(AriaRole.Link, new() { Name = L("Đề xuất dự án mới", "Propose a project") })).ToHaveAttributeAsync("href", "/proposals/new");
        await proposer.GotoAsync("/proposals/new");
        await Browser.Interactive(proposer);
        await proposer.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        var summary = proposer.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync(L("Nhập tên dự án bằng tiếng Việt.", "Enter the project's title in Vietnamese."));
        await Expect(summary).ToContainTextAsync(L("Chọn lĩnh vực.", "Choose the sector."));
        await Expect(summary).ToContainTextAsync(L("Nhập tổng kinh phí dự kiến lớn hơn 0.", "Enter an estimated cost above 0."));
        await Expect(proposer.Locator("#contactName-error")).ToHaveTextAsync(L("Nhập họ tên người liên hệ.", "Enter the contact person's name."));
        await Browser.CheckAsync(proposer, $"catalogue-02-propose-errors-{language}");

        // A place longer than the service takes comes back from the service, named, beside its field.
        var commune = proposer.GetByLabel(L("Xã, phường thực hiện *", "Commune or ward *"));
        await commune.FillAsync(string.Join(" ", Enumerable.Repeat("Phú Lộc", 30)));
        await proposer.GetByLabel(L("Tên dự án (tiếng Việt) *", "Title in Vietnamese *")).FillAsync(titleVi);
        await proposer.GetByLabel(L("Tên dự án (tiếng Anh) *", "Title in English *")).FillAsync(titleEn);
        await proposer.GetByLabel(L("Tóm tắt (tiếng Việt)", "Summary in Vietnamese")).FillAsync("Xây thêm phòng khám và mua thiết bị.");
        await proposer.GetByLabel(L("Tóm tắt (tiếng Anh)", "Summary in English")).FillAsync("A new consulting room and equipment.");
        await proposer.GetByLabel(L("Lĩnh vực *", "Sector *")).SelectOptionAsync(new SelectOptionValue { Label = L("Y tế", "Health") });
        await proposer.GetByLabel(L("Đối tượng thụ hưởng *", "Beneficiaries *")).FillAsync(L("5.000 người dân trong xã", "5,000 people of the commune"));
        await proposer.GetByLabel(L("Tổng kinh phí dự kiến (VND) *", "Estimated cost (VND) *")).FillAsync(L("1.500.000.000", "1,500,000,000"));
        await Expect(proposer.Locator("#estimatedCost-echo")).ToHaveTextAsync(L("= 1.500.000.000 VND", "= 1,500,000,000 VND"));
        await proposer.GetByLabel(L("Vốn đối ứng (VND)", "Counterpart funds (VND)")).FillAsync(L("200.000.000", "200,000,000"));
        await proposer.GetByLabel(L("Mức ưu tiên *", "Priority *")).SelectOptionAsync(new SelectOptionValue { Label = L("Cao", "High") });
        await proposer.GetByLabel(L("Đơn vị đề xuất *", "Proposing body *")).FillAsync("UBND xã Phú Lộc");
        await proposer.GetByLabel(L("Họ tên *", "Name *"), new() { Exact = true }).FillAsync("Đặng Văn Minh");
        await proposer.GetByLabel(L("Điện thoại", "Phone")).FillAsync("0251 3822 123");
        await proposer.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await proposer.GetByRole(AriaRole.Button, new() { Name = L("Gửi đề xuất", "Propose") }).ClickAsync();
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(L("Xã: Tối đa 200 ký tự.", "Commune: At most 200 characters.")));
        await Expect(proposer.Locator("#commune-error")).ToBeVisibleAsync();
        await commune.FillAsync("Xã Phú Lộc");
        await proposer.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        var check = proposer.Locator("#propose-check");
        await Expect(check).ToBeFocusedAsync();
        await Expect(check.Locator(".cost")).ToHaveTextAsync(L("1.500.000.000 VND", "1,500,000,000 VND"));
        await Expect(check.Locator(".sector")).ToHaveTextAsync(L("Y tế", "Health"));
        await Expect(check).ToContainTextAsync(L("1.300.000.000 VND", "1,300,000,000 VND")); // aid sought
        await Browser.CheckAsync(proposer, $"catalogue-03-propose-check-{language}");
        await proposer.GetByRole(AriaRole.Button, new() { Name = L("Gửi đề xuất", "Propose") }).ClickAsync();

        await proposer.WaitForURLAsync("**/proposals/*?done=proposed");
        await Browser.Interactive(proposer);
        await Expect(proposer.Locator(".alert.ok")).ToContainTextAsync(L("Đã gửi đề xuất.", "The proposal is sent."));
        await Expect(proposer.Locator(".entry-state")).ToHaveTextAsync(L("Đang chờ Sở Ngoại vụ xem xét", "Waiting for review by the Department of Foreign Affairs"));
        var entryId = Guid.Parse(new Uri(proposer.Url).Segments.Last());
        await Browser.CheckAsync(proposer, $"catalogue-04-proposed-{language}");

        var recorded = (await system.SendAsync("mobilisation.officer", HttpMethod.Get, $"/catalogue/entries/{entryId}")).GetProperty("content");
        Assert.Equal(1_500_000_000m, recorded.GetProperty("estimatedCostVnd").GetDecimal());
        Assert.Equal(200_000_000m, recorded.GetProperty("counterpartFundsVnd").GetDecimal());
        Assert.Equal("Health", recorded.GetProperty("sector").GetString());
        Assert.Equal("High", recorded.GetProperty("priority").GetString());
        Assert.Equal("Xã Phú Lộc", recorded.GetProperty("commune").GetString());
        Assert.Equal(titleEn, recorded.GetProperty("titleEn").GetString());
        Assert.Equal("0251 3822 123", recorded.GetProperty("contact").GetProperty("phone").GetString());

        // Sở Ngoại vụ finds it waiting, reads it all and returns it with a reason (a reason is required).
        var officer = await browser.SignedInAsync(system.Portal, "mobilisation.officer");
        await officer.GotoAsync($"/culture?c={language}&back=/proposals");
        await Browser.Interactive(officer);
        var row = officer.Locator("tr", new() { HasText = title });
        await Expect(row).ToContainTextAsync(L("Ủy ban nhân dân cấp xã", "Commune People's Committee"));
        await Browser.CheckAsync(officer, $"catalogue-05-review-list-{language}");
        await OpenAsync(officer, row.GetByRole(AriaRole.Link, new() { Name = title }), title);
        await Expect(officer.Locator(".counterpart")).ToHaveTextAsync(L("200.000.000 VND", "200,000,000 VND"));
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Trả lại để chỉnh sửa", "Return for changes") }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(officer.Locator("#comments-error")).ToHaveTextAsync(L("Nêu lý do trả lại.", "Give the reason for returning it."));
        await officer.GetByLabel(L("Lý do trả lại *", "Reason for returning it *")).FillAsync(reason);
        await ContinueAsync(officer, L, $"catalogue-06-return-check-{language}");
        await Expect(officer.Locator("#act-check .return-reason")).ToHaveTextAsync(reason);
        await ConfirmAsync(officer, L);
        await Expect(officer.Locator(".alert.ok")).ToContainTextAsync(L("Đã trả lại đề xuất để chỉnh sửa.", "The proposal is returned for changes."));
        await Expect(officer.Locator(".entry-state")).ToHaveTextAsync(L("Sở Ngoại vụ đã trả lại để chỉnh sửa", "Returned for changes by the Department of Foreign Affairs"));
        await Browser.CheckAsync(officer, $"catalogue-07-returned-{language}");

        // The commune reads the reason in its list, and resubmits with more counterpart funds (the form prefilled).
        await proposer.GotoAsync("/proposals");
        await Browser.Interactive(proposer);
        var mine = proposer.Locator("tr", new() { HasText = title });
        await Expect(mine.Locator(".return-reason")).ToContainTextAsync(reason);
        await Browser.CheckAsync(proposer, $"catalogue-08-proposals-returned-{language}");
        await OpenAsync(proposer, mine.GetByRole(AriaRole.Link, new() { Name = title }), title);
        await proposer.GetByRole(AriaRole.Button, new() { Name = L("Sửa và gửi lại", "Revise and resubmit") }).ClickAsync();
        await Expect(proposer.Locator("#act .alert .return-reason")).ToHaveTextAsync(reason);
        await Expect(proposer.GetByLabel(L("Tên dự án (tiếng Việt) *", "Title in Vietnamese *"))).ToHaveValueAsync(titleVi);
        await Expect(proposer.GetByLabel(L("Tổng kinh phí dự kiến (VND) *", "Estimated cost (VND) *"))).ToHaveValueAsync(L("1.500.000.000", "1,500,000,000"));
        await Browser.CheckAsync(proposer, $"catalogue-09-resubmit-form-{language}");
        await proposer.GetByLabel(L("Vốn đối ứng (VND)", "Counterpart funds (VND)")).FillAsync(L("500.000.000", "500,000,000"));
        await ContinueAsync(proposer, L, $"catalogue-10-resubmit-check-{language}");
        await Expect(proposer.Locator("#act-check .counterpart")).ToHaveTextAsync(L("500.000.000 VND", "500,000,000 VND"));
        await ConfirmAsync(proposer, L);
        await Expect(proposer.Locator(".alert.ok")).ToContainTextAsync(L("Đã gửi lại đề xuất.", "The proposal is resubmitted."));
        await Expect(proposer.Locator(".entry-state")).ToHaveTextAsync(L("Đang chờ Sở Ngoại vụ xem xét", "Waiting for review by the Department of Foreign Affairs"));

        // Sở Ngoại vụ publishes it: the check shows it goes public for a year; the page ends with its code.
        await officer.GotoAsync($"/proposals/{entryId}");
        await Browser.Interactive(officer);
        await Expect(officer.Locator(".counterpart")).ToHaveTextAsync(L("500.000.000 VND", "500,000,000 VND"));
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Công bố vào danh mục", "Publish in the catalogue") }).ClickAsync();
        await ContinueAsync(officer, L, $"catalogue-11-publish-check-{language}");
        await Expect(officer.Locator("#act-check")).ToContainTextAsync(L("công khai trong danh mục một năm", "public in the catalogue for one year"));
        await ConfirmAsync(officer, L);
        await Expect(officer.Locator(".alert.ok")).ToContainTextAsync("DM-");
        await Expect(officer.Locator(".entry-state")).ToContainTextAsync(L("Đã công bố, hiệu lực đến", "Published, open until"));
        await Expect(officer.Locator(".entry-code")).ToContainTextAsync("DM-");
        await Browser.CheckAsync(officer, $"catalogue-12-published-{language}");

        // The public catalogue shows it; an NGO expresses interest through a check, and sees it has.
        var ngoId = await Seed.RegisterNgoAsync(system);
        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", ngoId);
        await ngo.GotoAsync($"/culture?c={language}&back=/catalogue");
        await Browser.Interactive(ngo);
        var card = ngo.Locator(".catalogue-entry", new() { HasText = title });
        await Expect(card.Locator("dd", new() { HasText = "VND" }).First).ToHaveTextAsync(L("1.500.000.000 VND", "1,500,000,000 VND"));
        await card.GetByRole(AriaRole.Button, new() { Name = L("Bày tỏ quan tâm", "Express interest") }).ClickAsync();
        await card.GetByLabel(L("Lời nhắn (không bắt buộc)", "Message (optional)")).FillAsync(L("Chúng tôi muốn khảo sát thực địa.", "We would like to visit the site."));
        await card.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(card.Locator("#interest-check")).ToBeFocusedAsync();
        await Expect(card.Locator("#interest-check")).ToContainTextAsync(L("Chúng tôi muốn khảo sát thực địa.", "We would like to visit the site."));
        await Browser.CheckAsync(ngo, $"catalogue-13-interest-check-{language}");
        await card.GetByRole(AriaRole.Button, new() { Name = L("Xác nhận", "Confirm"), Exact = true }).ClickAsync();
        await Expect(card.Locator(".alert.ok")).ToContainTextAsync(L("Đã ghi nhận tổ chức của bạn quan tâm đến dự án.", "Your organisation's interest is recorded."));
        await Expect(card.Locator(".interest-mark")).ToContainTextAsync(L("Tổ chức của bạn đã bày tỏ quan tâm", "Your organisation expressed interest"));
        await ngo.ReloadAsync();
        await Browser.Interactive(ngo);
        await Expect(ngo.Locator(".catalogue-entry", new() { HasText = title }).Locator(".interest-mark")).ToBeVisibleAsync();
        await Browser.CheckAsync(ngo, $"catalogue-14-interest-expressed-{language}");

        // The catalogue holds what was typed and decided.
        var entry = await system.SendAsync("mobilisation.officer", HttpMethod.Get, $"/catalogue/entries/{entryId}");
        Assert.Equal("Published", entry.GetProperty("status").GetString());
        Assert.Equal(1_500_000_000m, entry.GetProperty("content").GetProperty("estimatedCostVnd").GetDecimal());
        Assert.Equal(500_000_000m, entry.GetProperty("content").GetProperty("counterpartFundsVnd").GetDecimal());
        Assert.Equal(reason, Assert.Single(entry.GetProperty("returns").EnumerateArray()).GetProperty("comments").GetString());
        var interest = Assert.Single(entry.GetProperty("interests").EnumerateArray());
        Assert.Equal(ngoId, interest.GetProperty("ngoId").GetGuid());
        Assert.Equal(L("Chúng tôi muốn khảo sát thực địa.", "We would like to visit the site."), interest.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Proposals_are_refused_to_NGOs_and_other_officers()
    {
        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", await Seed.RegisterNgoAsync(system));
        Assert.Equal(403, (await ngo.GotoAsync("/proposals"))!.Status);
        var intake = await browser.SignedInAsync(system.Portal, "intake.officer");
        Assert.Equal(403, (await intake.GotoAsync("/proposals/new"))!.Status);
    }

    /// <summary>Follows a link to a proposal and waits for its page to be interactive.</summary>
    private static async Task OpenAsync(IPage page, ILocator link, string title)
    {
        await link.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Browser.Interactive(page);
    }

    private static async Task ContinueAsync(IPage page, Func<string, string, string> L, string checkedAs)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(page.Locator("#act-check")).ToBeFocusedAsync();
        await Browser.CheckAsync(page, checkedAs);
    }

    private static Task ConfirmAsync(IPage page, Func<string, string, string> L) =>
        page.GetByRole(AriaRole.Button, new() { Name = L("Xác nhận", "Confirm"), Exact = true }).ClickAsync();
}
