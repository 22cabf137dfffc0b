using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// Sở Ngoại vụ keeps the NGO registry from the portal: registers an NGO (what is missing named first, then a check
/// step), amends its profile, extends its certificate, suspends it and revokes it, each through a check of what will
/// be recorded, ending with the new state in view; the API holds exactly what was typed.
/// </summary>
public sealed class RegistryPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task An_intake_officer_registers_an_NGO_then_amends_extends_suspends_and_revokes_it(string language)
    {
        string L(string vi, string en) => language == "vi" ? vi : en;
        var name = $"Water Partners {language} {Guid.NewGuid().ToString()[..6]}";
        var officer = await browser.SignedInAsync(system.Portal, "intake.officer");
        await officer.GotoAsync($"/culture?c={language}&back=/registry");
        await Browser.Interactive(officer);
        await Browser.CheckAsync(officer, $"registry-list-{language}");

        await officer.GetByRole(AriaRole.Link, new() { Name = L("Đăng ký tổ chức mới", "Register an organisation") }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        var summary = officer.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync(L("Nhập tên tiếng Anh của tổ chức.", "Enter the organisation's English name."));
        await Expect(summary).ToContainTextAsync(L("Chọn ít nhất một lĩnh vực.", "Choose at least one field."));
        await Browser.CheckAsync(officer, $"registry-register-errors-{language}");

        await officer.GetByLabel(L("Tên gốc (ngôn ngữ của tổ chức) *", "Name in its own language *")).FillAsync("Partenaires de l'eau");
        await officer.GetByLabel(L("Tên tiếng Anh *", "English name *")).FillAsync(name);
        await officer.GetByLabel(L("Quốc gia *", "Country *")).SelectOptionAsync("FR");
        await officer.GetByLabel(L("Địa chỉ trụ sở chính *", "Head office address *")).FillAsync("12 rue de la Paix, Lyon");
        await officer.GetByLabel(L("Họ tên *", "Name *"), new() { Exact = true }).FillAsync("Claire Martin");
        await officer.GetByLabel(L("Thư điện tử", "E-mail")).FillAsync("claire@water.example");
        await officer.GetByLabel(L("Nước sạch và vệ sinh môi trường", "Clean water and sanitation"), new() { Exact = true }).CheckAsync();
        await officer.GetByLabel(L("Đồng Nai", "Dong Nai"), new() { Exact = true }).CheckAsync();
        await officer.GetByLabel(L("Số giấy *", "Number *")).FillAsync("88/BNG-GDK");
        await officer.GetByLabel(L("Ngày cấp *", "Issued on *")).FillAsync("2025-03-01");
        await officer.GetByLabel(L("Ngày hết hạn *", "Expires on *")).FillAsync("2030-03-01");
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        var check = officer.Locator("#register-check");
        await Expect(check).ToBeFocusedAsync();
        await Expect(check).ToContainTextAsync(L("Pháp", "France"));
        await Expect(check).ToContainTextAsync(L("01/03/2030", "1 Mar 2030"));
        await Browser.CheckAsync(officer, $"registry-register-check-{language}");
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Ghi vào sổ đăng ký", "Register") }).ClickAsync();

        await officer.WaitForURLAsync("**/registry/*");
        await Browser.Interactive(officer);
        await Expect(officer.Locator(".alert.ok")).ToContainTextAsync(L("Đã ghi tổ chức vào sổ đăng ký.", "The organisation is in the registry."));
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        var ngoId = Guid.Parse(new Uri(officer.Url).Segments.Last());
        await Browser.CheckAsync(officer, $"registry-ngo-{language}");

        // Amend: a new contact e-mail.
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Sửa thông tin tổ chức", "Amend the profile") }).ClickAsync();
        await Expect(officer.GetByLabel(L("Tên tiếng Anh *", "English name *"))).ToHaveValueAsync(name);
        await officer.GetByLabel(L("Thư điện tử", "E-mail")).FillAsync("office@water.example");
        await ContinueAndConfirmAsync(officer, L);
        await Expect(officer.Locator(".alert.ok")).ToContainTextAsync(L("Đã ghi nhận thông tin mới của tổ chức.", "The new profile is recorded."));

        // Extend: a date before the current expiry is refused beside the field, then a later one is recorded.
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Gia hạn giấy đăng ký", "Extend the certificate") }).ClickAsync();
        await officer.GetByLabel(L("Ngày hết hạn mới *", "New expiry date *")).FillAsync("2029-01-01");
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(officer.Locator("#newExpiryDate-error")).ToContainTextAsync(L("phải sau ngày hết hạn hiện tại", "must be after the current one"));
        await officer.GetByLabel(L("Ngày hết hạn mới *", "New expiry date *")).FillAsync("2032-03-01");
        await ContinueAndConfirmAsync(officer, L, $"registry-extend-check-{language}");
        await Expect(officer.Locator(".alert.ok")).ToContainTextAsync(L("01/03/2032", "1 Mar 2032"));

        // Suspend, then revoke, each with its reason.
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Đình chỉ hoạt động", "Suspend") }).ClickAsync();
        await officer.GetByLabel(L("Lý do *", "Reason *")).FillAsync(L("Chậm báo cáo năm 2025.", "The 2025 report is late."));
        await ContinueAndConfirmAsync(officer, L);
        await Expect(officer.Locator(".alert.ok")).ToContainTextAsync(L("Tổ chức đã bị đình chỉ hoạt động.", "The organisation is suspended."));
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Thu hồi đăng ký", "Revoke the registration") }).ClickAsync();
        await officer.GetByLabel(L("Lý do *", "Reason *")).FillAsync(L("Tổ chức đã chấm dứt hoạt động.", "The organisation has ceased to operate."));
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(officer.Locator("#act-check")).ToContainTextAsync(L("không thể hoàn tác", "cannot be undone"));
        await Browser.CheckAsync(officer, $"registry-revoke-check-{language}");
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Xác nhận", "Confirm"), Exact = true }).ClickAsync();
        await Expect(officer.Locator(".alert.ok")).ToContainTextAsync(L("Đăng ký của tổ chức đã bị thu hồi.", "The organisation's registration is revoked."));
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = L("Gia hạn giấy đăng ký", "Extend the certificate") })).ToHaveCountAsync(0);

        // The registry holds what was typed.
        var ngo = await system.SendAsync("intake.officer", HttpMethod.Get, $"/ngos/{ngoId}");
        Assert.Equal("Revoked", ngo.GetProperty("standing").GetString());
        Assert.Equal("2032-03-01", ngo.GetProperty("certificate").GetProperty("expiryDate").GetString());
        Assert.Equal("88/BNG-GDK", ngo.GetProperty("certificate").GetProperty("number").GetString());
        var profile = ngo.GetProperty("profile");
        Assert.Equal("FR", profile.GetProperty("country").GetString());
        Assert.Equal("office@water.example", profile.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal(["WaterSanitation"], profile.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["DNA"], profile.GetProperty("provinces").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task The_registry_is_refused_to_anyone_but_its_keepers()
    {
        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", await Seed.RegisterNgoAsync(system));
        Assert.Equal(403, (await ngo.GotoAsync("/registry"))!.Status);
        var police = await browser.SignedInAsync(system.Portal, "security.officer");
        Assert.Equal(403, (await police.GotoAsync("/registry"))!.Status);
    }

    private static async Task ContinueAndConfirmAsync(IPage officer, Func<string, string, string> L, string? checkedAs = null)
    {
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(officer.Locator("#act-check")).ToBeFocusedAsync();
        if (checkedAs is not null)
            await Browser.CheckAsync(officer, checkedAs);
        await officer.GetByRole(AriaRole.Button, new() { Name = L("Xác nhận", "Confirm"), Exact = true }).ClickAsync();
    }
}
