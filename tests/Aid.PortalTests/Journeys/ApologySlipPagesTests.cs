using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Aid.PortalTests.Infrastructure.ServiceCalls;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// A system whose Công an tỉnh gives the security check minus five working days, so a review is overdue as soon as it
/// opens (the services' clock cannot be moved from outside their processes); its scan runs every second.
/// </summary>
public sealed class LateSecuritySystem : RunningSystem
{
    protected override IReadOnlyDictionary<string, string> SettingsOf(string service) => service == "Security"
        ? new Dictionary<string, string> { ["StageDeadlines__ByAidKind__Default__Security"] = "-5", ["Overdue__ScanSeconds"] = "1" }
        : new Dictionary<string, string>();
}

/// <summary>
/// Công an tỉnh's officer finds an overdue review marked "issue an apology slip" in the work queue, issues the slip
/// (reason, extra working days) from the dossier's desk, and the NGO sees it on its dossier page and on the public
/// lookup, with the appointment date moved.
/// </summary>
public sealed class ApologySlipPagesTests(LateSecuritySystem system, Browser browser) : IClassFixture<LateSecuritySystem>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task The_officer_issues_an_apology_slip_and_the_NGO_sees_the_new_date(string language)
    {
        string L(string vi, string en) => language == "vi" ? vi : en;
        var late = await LateReviewAsync();

        var officer = await browser.SignedInAsync(system.Portal, "security.officer");
        await officer.GotoAsync($"/culture?c={language}&back=/work");
        var prompt = L("Cần lập phiếu xin lỗi và hẹn lại ngày trả kết quả", "Issue an apology slip with a new date");
        var row = officer.GetByRole(AriaRole.Row).Filter(new() { HasText = late.Receipt });
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = prompt })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Browser.CheckAsync(officer, $"apology-queue-{language}");

        await row.GetByRole(AriaRole.Link, new() { Name = late.Receipt }).ClickAsync();
        var title = L("Lập phiếu xin lỗi và hẹn lại ngày trả kết quả", "Issue an apology slip with a new date");
        var action = officer.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });
        await Expect(action).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(officer.GetByText(L("Hồ sơ đã quá hạn giải quyết.", "This dossier is past its due date."))).ToBeVisibleAsync();
        await Browser.CheckAsync(officer, $"apology-desk-{language}");
        await action.GetByLabel(L("Lý do chậm trễ *", "Reason for the delay *"), new() { Exact = true })
            .FillAsync("Chờ kết quả xác minh của Bộ Công an.");
        await action.GetByLabel(L("Số ngày làm việc hẹn thêm (tính từ hôm nay, 1 đến 30) *", "Extra working days (from today, 1 to 30) *"),
            new() { Exact = true }).FillAsync("3");
        await action.GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(DeskActions.CheckStep(action)).ToContainTextAsync("Chờ kết quả xác minh của Bộ Công an.");
        await Browser.CheckAsync(officer, $"apology-check-{language}");
        await DeskActions.ConfirmAsync(action);
        await Expect(officer.GetByRole(AriaRole.Status).Filter(new() { HasText = L("Đã thực hiện", "Done") })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The due date moved: the stage is no longer overdue, so the slip is no longer offered.
        await Expect(action).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        var moved = await UntilAsync("the apology at Registration", async () =>
        {
            using var registration = await system.ClientAsync("Registration", "auditor");
            var status = JsonDocument.Parse(await registration.GetStringAsync($"/dossiers/{late.Id}/status")).RootElement;
            return status.GetProperty("apologies").GetArrayLength() == 1 ? status : (JsonElement?)null;
        });
        var appointment = DateOnly.Parse(moved.GetProperty("appointmentDate").GetString()!);
        Assert.True(appointment > late.Appointment, "the appointment date moved");
        var newDate = DateOnly.Parse(moved.GetProperty("apologies")[0].GetProperty("newDueDate").GetString()!);
        string Shown(DateOnly d) => language == "vi" ? d.ToString("dd/MM/yyyy") : d.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", late.NgoId);
        await ngo.GotoAsync($"/culture?c={language}&back=/ngo/dossiers/{late.Id}");
        var slips = ngo.GetByRole(AriaRole.Region, new() { Name = L("Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Apology slips with a new date for the result") });
        await Expect(slips).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(slips).ToContainTextAsync(L("Công an tỉnh", "Provincial Police (Công an tỉnh)"));
        await Expect(slips).ToContainTextAsync("Chờ kết quả xác minh của Bộ Công an.");
        await Expect(slips.Locator(".new-date")).ToHaveTextAsync(Shown(newDate));
        await Expect(ngo.GetByText(Shown(appointment)).First).ToBeVisibleAsync();
        await Browser.CheckAsync(ngo, $"apology-ngo-{language}");

        var citizen = await browser.NewPageAsync(system.Portal);
        await citizen.GotoAsync($"/culture?c={language}&back={Uri.EscapeDataString($"/lookup?code={late.Receipt}")}");
        await citizen.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Expect(citizen.Locator("#code")).ToHaveValueAsync(late.Receipt);
        await citizen.Locator("#secret").FillAsync(late.Secret);
        await citizen.GetByRole(AriaRole.Button, new() { Name = L("Tra cứu", "Look up") }).ClickAsync();
        await Expect(citizen.Locator(".appointment-date")).ToHaveTextAsync(Shown(appointment), new() { Timeout = 30_000 });
        await Expect(citizen.Locator(".apology .new-date")).ToHaveTextAsync(Shown(newDate));
        await Browser.CheckAsync(citizen, $"apology-lookup-{language}");
    }

    private sealed record LateReview(Guid Id, Guid NgoId, string Receipt, string Secret, DateOnly Appointment);

    /// <summary>A dossier accepted at intake whose security review is overdue and flagged (first, so the scan's append races no command).</summary>
    private async Task<LateReview> LateReviewAsync()
    {
        var ngoId = await Seed.RegisterNgoAsync(system);
        using var ngo = await system.ClientAsync("Registration", "ngo-staff", ngoId);
        var submitted = await Ok(await ngo.PostAsJsonAsync("/dossiers", Seed.ProjectDossier("Nước sạch cho xã Phú Lộc", [])));
        var id = submitted.GetProperty("dossierId").GetGuid();
        await Seed.UploadAsync(system, ngoId, id, Seed.ProjectDocuments);
        using (var intake = await system.ClientAsync("Registration", "intake.officer"))
            await Ok(await intake.PostAsync($"/dossiers/{id}/accept", null));
        using var security = await system.ClientAsync("Security", "security.officer");
        await UntilAsync("the security review", async () => (await security.GetAsync($"/security-reviews/{id}")).IsSuccessStatusCode);
        await UntilAsync("the overdue flag", async () => (await security.GetStringAsync($"/security-reviews/{id}")).Contains("\"flaggedOverdue\":true"));
        await Ok(await security.PostAsJsonAsync($"/security-reviews/{id}/assignments", new { officers = new[] { "security.officer" } }));
        return new LateReview(id, ngoId, submitted.GetProperty("receiptCode").GetString()!, submitted.GetProperty("lookupSecret").GetString()!,
            DateOnly.Parse(submitted.GetProperty("appointmentDate").GetString()!));
    }
}
