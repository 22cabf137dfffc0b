using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Aid.PortalTests.Infrastructure.ServiceCalls;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// Sở Ngoại vụ's intake desk: the officer reads a submitted dossier whole (fields, budget in USD and in VND, sensitive
/// areas, its files, opened through the portal), is refused acceptance of a dossier whose declared file never arrived
/// (the page names it), refuses to receive another with a reason (the NGO's page shows it), asks for an itemised
/// supplement with an answer-by date on a third, and accepts a complete one; each action through its check step.
/// </summary>
public sealed class IntakeDeskPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task The_intake_officer_reads_refuses_asks_for_a_supplement_and_accepts(string language)
    {
        string L(string vi, string en) => language == "vi" ? vi : en;
        var en = language == "en";
        var ngoId = await Seed.RegisterNgoAsync(system);
        var complete = await SubmitAsync(ngoId, "Trùng tu đình làng Phú Lộc", ["Religion"], Seed.ProjectDocuments);
        var lacking = await SubmitAsync(ngoId, "Cầu dân sinh xã Tà Lài", [], "ProjectDocument");
        var refused = await SubmitAsync(ngoId, "Dự án ngoài địa bàn", [], Seed.ProjectDocuments);
        var supplemented = await SubmitAsync(ngoId, "Trạm y tế xã Phú Lộc", [], Seed.ProjectDocuments);

        var officer = await browser.SignedInAsync(system.Portal, "intake.officer");
        await officer.GotoAsync($"/culture?c={language}&back=/work/{complete}");
        await Browser.Interactive(officer);

        // The whole dossier, in words: the budget in its currency and in VND, the sensitive area, the files.
        var budget = officer.GetByRole(AriaRole.Region, new() { Name = L("Kinh phí", "Budget"), Exact = true });
        await Expect(budget.Locator(".budget-amount")).ToHaveTextAsync(en ? "40,000 USD" : "40.000 USD", new() { Timeout = 30_000 });
        await Expect(budget.Locator(".budget-vnd")).ToHaveTextAsync(en ? "1,016,000,000 VND" : "1.016.000.000 VND");
        await Expect(officer.Locator(".sensitive-areas")).ToHaveTextAsync(L("Tôn giáo", "Religion"));
        await Expect(officer.GetByText("UBND huyện Tân Phú")).ToBeVisibleAsync();
        await Browser.CheckAsync(officer, $"intake-read-{language}");
        var link = officer.Locator("a.document-link", new() { HasText = "CommitmentLetter.pdf" });
        var download = await officer.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync((await download.PathAsync())!));

        // A declared file that never arrived: acceptance is refused and the missing document is named.
        await Open(officer, lacking);
        var accept = L("Chấp nhận hồ sơ hợp lệ", "Accept the dossier");
        await Expect(officer.Locator("ul.not-uploaded")).ToContainTextAsync("CommitmentLetter.pdf");
        await DeskActions.SubmitAsync(Action(officer, accept), accept);
        await Expect(Action(officer, accept).GetByRole(AriaRole.Alert))
            .ToContainTextAsync(L("Thư cam kết của nhà tài trợ (CommitmentLetter.pdf)", "Donor's commitment letter (CommitmentLetter.pdf)"),
                new() { Timeout = 30_000 });
        await Browser.CheckAsync(officer, $"intake-missing-file-{language}");

        // Refuse to receive, with the reason on the check step; the NGO reads it on its dossier page.
        await Open(officer, refused);
        var refuse = L("Từ chối tiếp nhận hồ sơ", "Refuse to receive the dossier");
        var reason = "Dự án thực hiện ngoài địa bàn tỉnh.";
        await Action(officer, refuse).GetByLabel(L("Lý do từ chối tiếp nhận *", "Reason for refusing *"), new() { Exact = true }).FillAsync(reason);
        await Action(officer, refuse).GetByRole(AriaRole.Button, new() { Name = refuse, Exact = true }).ClickAsync();
        await Expect(DeskActions.CheckStep(Action(officer, refuse)).Locator("dd[data-field=reason]")).ToHaveTextAsync(reason);
        await Browser.CheckPageAsync(officer, $"intake-refuse-check-{language}");
        await DeskActions.ConfirmAsync(Action(officer, refuse));
        await Done(officer, refuse, L("Từ chối tiếp nhận hồ sơ", "Refused at intake"));
        await Expect(officer.Locator(".refusal-reason")).ToHaveTextAsync(reason);
        await Browser.CheckAsync(officer, $"intake-refused-{language}");
        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", ngoId);
        await ngo.GotoAsync($"/culture?c={language}&back=/ngo/dossiers/{refused}");
        await Expect(ngo.Locator(".refusal-reason")).ToHaveTextAsync(reason, new() { Timeout = 30_000 });
        await Expect(ngo.Locator("dd.stage")).ToHaveTextAsync(L("Từ chối tiếp nhận hồ sơ", "Refused at intake"));
        await Browser.CheckAsync(ngo, $"ngo-refused-{language}");

        // An itemised supplement with an answer-by date.
        await Open(officer, supplemented);
        var supplement = L("Yêu cầu bổ sung", "Ask for a supplement");
        var answerBy = Seed.VietnamToday.AddDays(10);
        var form = Action(officer, supplement);
        await form.GetByLabel(L("Những gì còn thiếu (mỗi dòng một mục) *", "What is missing (one a line) *"), new() { Exact = true })
            .FillAsync("Bản dịch công chứng\nBảng dự toán chi tiết");
        await form.GetByLabel(L("Ghi chú", "Note"), new() { Exact = true }).FillAsync("Nộp bản giấy tại Sở.");
        await form.GetByLabel(L("Hạn nộp bổ sung (không bắt buộc)", "Answer by (optional)"), new() { Exact = true })
            .FillAsync(answerBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = supplement, Exact = true }).ClickAsync();
        var check = DeskActions.CheckStep(form);
        await Expect(check.Locator("dd[data-field=missingItems] li")).ToHaveTextAsync(["Bản dịch công chứng", "Bảng dự toán chi tiết"]);
        await Expect(check.Locator("dd[data-field=answerBy]")).ToHaveTextAsync(en
            ? answerBy.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")) : answerBy.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Browser.CheckPageAsync(officer, $"intake-supplement-check-{language}");
        await DeskActions.ConfirmAsync(form);
        await Done(officer, supplement, L("Chờ tổ chức bổ sung hồ sơ", "Waiting for the NGO's supplement"));
        var rounds = officer.GetByRole(AriaRole.Region, new() { Name = L("Yêu cầu bổ sung và trả lời của tổ chức", "Supplement requests and the NGO's answers") });
        await Expect(rounds.Locator("ul.missing-items li")).ToHaveCountAsync(2);
        await Browser.CheckAsync(officer, $"intake-supplement-{language}");
        using (var registration = await system.ClientAsync("Registration", "intake.officer"))
        {
            var view = JsonDocument.Parse(await registration.GetStringAsync($"/dossiers/{supplemented}/intake")).RootElement;
            var round = view.GetProperty("supplements")[0];
            Assert.Equal(2, round.GetProperty("missingItems").GetArrayLength());
            Assert.Equal(answerBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), round.GetProperty("answerBy").GetString());
        }

        // The complete one is accepted; the page ends on its new state.
        await Open(officer, complete);
        await DeskActions.SubmitAsync(Action(officer, accept), accept);
        await Done(officer, accept, L("Thẩm tra an ninh", "Security check"));
        await Expect(officer.Locator("dd.stage")).ToHaveAttributeAsync("data-state", "SecurityCheck");
        await Browser.CheckAsync(officer, $"intake-accepted-{language}");
    }

    private static ILocator Action(IPage page, string title) => page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });

    private static async Task Open(IPage page, Guid id)
    {
        await page.GotoAsync($"/work/{id}");
        await Browser.Interactive(page);
        await Expect(page.Locator("dd.stage")).ToHaveAttributeAsync("data-state", "IntakeCheck", new() { Timeout = 30_000 });
    }

    /// <summary>The confirmation names the action and the state the dossier is in now.</summary>
    private static async Task Done(IPage page, string title, string state)
    {
        var confirmation = page.GetByRole(AriaRole.Status).Filter(new() { HasText = title });
        await Expect(confirmation).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(confirmation).ToContainTextAsync(state);
    }

    private async Task<Guid> SubmitAsync(Guid ngoId, string title, string[] sensitiveAreas, params string[] uploaded)
    {
        using var ngo = await system.ClientAsync("Registration", "ngo-staff", ngoId);
        var submitted = await Ok(await ngo.PostAsJsonAsync("/dossiers", Seed.ProjectDossier(title, sensitiveAreas)));
        var id = submitted.GetProperty("dossierId").GetGuid();
        await Seed.UploadAsync(system, ngoId, id, uploaded);
        return id;
    }
}
