using System.Net.Http.Json;
using System.Text.Json;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// One dossier through the portal in a real browser: the NGO submits it, intake asks for a supplement (a second
/// intake officer acting on the old state is told someone else acted first), the NGO answers, every agency acts
/// from its work queue, the NGO sees each change without reloading, the public lookup (by keyboard) shows the
/// status, the auditor finds the dossier, and pages the user may not see are refused. Every page is screenshotted
/// (TestResults/screenshots) and checked at desktop and 375 px width.
/// </summary>
public sealed class DossierJourneyTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    // Events cross services through RabbitMQ; generous, as the browser tests may share the machine with other suites.
    private static readonly LocatorAssertionsToBeVisibleOptions Eventually = new() { Timeout = 120_000 };

    [Fact]
    public async Task A_dossier_goes_through_every_agency_and_everyone_sees_it_in_the_portal()
    {
        var ngoId = await RegisterNgoAsync();

        // Anonymous: home (Vietnamese by default), then a page that needs sign-in.
        var visitor = await browser.NewPageAsync(system.Portal);
        await visitor.GotoAsync("/");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Quản lý viện trợ phi chính phủ nước ngoài");
        await Browser.CheckAsync(visitor, "01-home");
        await visitor.GotoAsync("/ngo");
        Assert.Contains("/signin", visitor.Url);
        await Browser.CheckAsync(visitor, "02-sign-in");

        // The NGO: organisation, then a new dossier with validation as they type and documents.
        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", ngoId);
        await Expect(ngo.GetByRole(AriaRole.Heading, new() { Name = "Children's Relief Works (CRW)" })).ToBeVisibleAsync();
        await Expect(ngo.GetByText("Giấy đăng ký hết hạn sau")).ToBeVisibleAsync();
        await Browser.CheckAsync(ngo, "03-ngo-organisation");

        await ngo.GotoAsync("/ngo/dossiers/new");
        await Browser.Interactive(ngo);
        var title = ngo.GetByLabel("Tên chương trình, dự án *");
        await title.FillAsync("x");
        await title.FillAsync("");
        await Expect(ngo.Locator("#title-error")).ToHaveTextAsync("Bắt buộc.");
        await Expect(title).ToHaveAttributeAsync("aria-invalid", "true");
        await FillDossierAsync(ngo);
        await Expect(ngo.Locator("#title-error")).ToHaveCountAsync(0);
        await Browser.CheckAsync(ngo, "04-ngo-new-dossier");
        await ngo.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await Expect(ngo.Locator("#review-amount")).ToHaveTextAsync("120.000 USD");
        await ngo.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
        var receipt = (await ngo.Locator(".receipt-code").TextContentAsync(new() { Timeout = 30_000 }))!.Trim();
        var secret = (await ngo.Locator(".receipt-secret").TextContentAsync())!.Trim();
        Assert.Matches(@"^SNV-\d{8}-\d{3}$", receipt);
        Assert.Equal(8, secret.Length);
        await Browser.CheckAsync(ngo, "05-ngo-receipt");
        await ngo.GetByRole(AriaRole.Link, new() { Name = "Xem hồ sơ" }).ClickAsync();
        await Stage(ngo, "IntakeCheck");
        var dossierUrl = ngo.Url;

        // Sở Ngoại vụ: two intake officers open the dossier; one asks for a supplement while the other is still filling in.
        var intake = await browser.SignedInAsync(system.Portal, "intake.officer");
        var late = await browser.SignedInAsync(system.Portal, "intake.officer");
        await OpenFromQueueAsync(late, receipt);
        var lateRequest = Action(late, "Yêu cầu bổ sung");
        await lateRequest.GetByLabel("Những gì còn thiếu (mỗi dòng một mục) *").FillAsync("Bản dịch công chứng");
        await OpenFromQueueAsync(intake, receipt);
        await Browser.CheckAsync(intake, "06-intake-dossier");
        var request = Action(intake, "Yêu cầu bổ sung");
        await request.GetByLabel("Những gì còn thiếu (mỗi dòng một mục) *").FillAsync("Bản sao giấy phép hoạt động");
        await DeskActions.SubmitAsync(request, "Yêu cầu bổ sung");
        await Done(intake);
        await DeskActions.SubmitAsync(lateRequest, "Yêu cầu bổ sung");
        await Expect(late.GetByText("Người khác đã thao tác trước bạn.")).ToBeVisibleAsync();
        await Expect(late.Locator("dd.stage")).ToHaveAttributeAsync("data-state", "SupplementRequested");
        await Browser.CheckAsync(late, "07-intake-conflict-409");

        // The NGO sees the request without reloading and answers it with a file.
        await Stage(ngo, "SupplementRequested");
        Assert.Equal(dossierUrl, ngo.Url);
        await Expect(ngo.GetByText("Bản sao giấy phép hoạt động")).ToBeVisibleAsync();
        var licence = ngo.GetByRole(AriaRole.Group, new() { Name = "Bản sao giấy phép hoạt động" });
        await licence.GetByLabel("Tệp bổ sung").SetInputFilesAsync(Pdf("Licence.pdf"));
        await licence.GetByLabel("Ghi chú").FillAsync("Đã bổ sung bản sao giấy phép.");
        await Browser.CheckAsync(ngo, "08-ngo-supplement");
        await ngo.GetByRole(AriaRole.Button, new() { Name = "Nộp bổ sung" }).ClickAsync();
        await Stage(ngo, "IntakeCheck");

        await DeskActions.SubmitAsync(Action(intake, "Chấp nhận hồ sơ hợp lệ"), "Chấp nhận hồ sơ hợp lệ");
        await Done(intake);
        await Stage(ngo, "SecurityCheck");

        // Công an tỉnh.
        var police = await browser.SignedInAsync(system.Portal, "security.officer");
        await OpenFromQueueAsync(police, receipt);
        await Browser.CheckAsync(police, "09-security-dossier");
        await Act(police, "Phân công cán bộ", ("Cán bộ (tên đăng nhập, mỗi dòng một người) *", "security.officer"));
        await Act(police, "Ghi nhận kết quả xác minh (nội bộ)", ("Nội dung *", "Không phát hiện dấu hiệu bất thường."));
        await Act(police, "Kết luận thẩm tra");
        await Stage(ngo, "Appraisal");

        // Sở Tài chính.
        var finance = await browser.SignedInAsync(system.Portal, "appraiser");
        await OpenFromQueueAsync(finance, receipt);
        await Act(finance, "Lấy ý kiến các cơ quan", ("Cơ quan (mỗi dòng một cơ quan) *", "Sở Kế hoạch và Đầu tư"));
        await Act(finance, "Ghi nhận ý kiến", ("Cơ quan *", "Sở Kế hoạch và Đầu tư"), ("Nội dung *", "Phù hợp quy hoạch."));
        await Browser.CheckAsync(finance, "10-appraisal-dossier");
        await Act(finance, "Ban hành báo cáo thẩm định");
        await Stage(ngo, "Decision");

        // UBND tỉnh.
        var committee = await browser.SignedInAsync(system.Portal, "decision.maker");
        await OpenFromQueueAsync(committee, receipt);
        await Browser.CheckAsync(committee, "11-decision-dossier");
        await Act(committee, "Phê duyệt", ("Số quyết định *", "2026/QĐ-UBND"), ("Người ký *", "Nguyễn Văn Chủ tịch"));
        await Expect(ngo.Locator("dd.stage")).ToHaveAttributeAsync("data-stage", new System.Text.RegularExpressions.Regex("Approved|Implementing"), new() { Timeout = 120_000 });

        // Monitoring (Sở Ngoại vụ): implementation, then completion.
        var monitor = await browser.SignedInAsync(system.Portal, "monitoring.officer");
        await OpenFromQueueAsync(monitor, receipt);
        await Act(monitor, "Ghi nhận bắt đầu thực hiện");
        await Stage(ngo, "Implementing");
        await Act(monitor, "Ghi nhận hoàn thành");
        await Stage(ngo, "Completed");
        await Browser.CheckAsync(monitor, "12-monitoring-dossier");
        await ExpectFieldsLabelled(monitor);
        await Expect(ngo.Locator("ol.timeline li")).ToHaveCountAsync(await ngo.Locator("ol.timeline li").CountAsync());
        await Browser.CheckAsync(ngo, "13-ngo-dossier-timeline");
        await ngo.GotoAsync("/ngo");
        await Expect(ngo.Locator($"td.stage[data-stage=Completed]")).ToBeVisibleAsync();

        // The public lookup, by keyboard only: skip link, then the form.
        var citizen = await browser.NewPageAsync(system.Portal);
        await citizen.GotoAsync("/lookup");
        await Browser.Interactive(citizen);
        await TabToAsync(citizen, "skip", backwards: true);
        await citizen.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await citizen.EvaluateAsync<string>("() => document.activeElement.id"));
        await TabToAsync(citizen, "code");
        await citizen.Keyboard.TypeAsync(receipt);
        await citizen.Keyboard.PressAsync("Tab");
        await citizen.Keyboard.TypeAsync(secret);
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(citizen.Locator("dd.stage[data-stage=Completed]")).ToBeVisibleAsync();
        await Browser.CheckAsync(citizen, "14-public-lookup");

        // The auditor: search, cross-service timeline, as-of state, verification.
        var auditor = await browser.SignedInAsync(system.Portal, "auditor");
        await Browser.Interactive(auditor);
        await Browser.CheckAsync(auditor, "15-audit-search");
        await auditor.GetByLabel("Mã biên nhận hoặc mã hồ sơ").FillAsync(receipt);
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await Expect(auditor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(receipt);
        await auditor.GotoAsync(auditor.Url);
        await Browser.Interactive(auditor);
        await Expect(auditor.Locator("ol.timeline li").First).ToBeVisibleAsync();
        // The cross-service timeline holds every service's events: the NGO's submission to monitoring.
        var events = auditor.Locator("table.audit-events tbody");
        foreach (var (service, type) in new[] { ("Registration", "DossierSubmitted"), ("Security", "ReviewConcluded"),
                     ("Appraisal", "DossierApproved"), ("Monitoring", "ProjectMonitoringStarted") })
            await Expect(events.Locator($"tr[data-service={service}][data-event={type}]").First).ToBeVisibleAsync();
        // In words, in the reader's language; the raw JSON only behind its expander.
        await Expect(events.Locator("tr[data-event=DossierSubmitted] td.what").First).ToHaveTextAsync("Tổ chức nộp hồ sơ");
        await Expect(events.Locator("details.raw pre").First).Not.ToBeVisibleAsync();
        await auditor.GetByLabel("Thời điểm (giờ Việt Nam)").FillAsync(DateTimeLocal(DateTime.UtcNow.AddHours(7)));
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Xem trạng thái" }).ClickAsync();
        await ExpectEveryServiceAnswered(auditor.Locator("section", new() { Has = auditor.GetByRole(AriaRole.Heading, new() { Name = "Trạng thái tại một thời điểm" }) }));
        await ExpectFieldsLabelled(auditor);
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra", Exact = true }).ClickAsync();
        await ExpectEveryServiceAnswered(auditor.Locator("section", new() { Has = auditor.GetByRole(AriaRole.Heading, new() { Name = "Kiểm tra toàn vẹn (chống sửa đổi)" }) }));
        await Expect(auditor.GetByRole(AriaRole.Status).Filter(new() { HasText = "chuỗi sự kiện nguyên vẹn" })).ToHaveCountAsync(4);
        await Browser.CheckAsync(auditor, "15-audit-dossier");

        await auditor.GotoAsync("/statistics");
        await Expect(auditor.GetByRole(AriaRole.Rowheader, new() { Name = "Sở Ngoại vụ — Tiếp nhận hồ sơ" })).ToBeVisibleAsync();
        await Expect(auditor.GetByRole(AriaRole.Img, new() { Name = "Biểu đồ: hoàn thành đúng hạn" })).ToBeVisibleAsync();
        await Browser.CheckAsync(auditor, "16-statistics");

        // Refused: an NGO on an officer's queue and on the audit pages; an officer on the NGO pages.
        foreach (var (page, path) in new[] { (ngo, "/work"), (ngo, "/audit"), (intake, "/ngo") })
        {
            var answer = await page.GotoAsync(path);
            Assert.Equal(403, answer!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không có quyền truy cập" })).ToBeVisibleAsync();
        }
        await Browser.CheckAsync(ngo, "17-forbidden");

        // English on request.
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Foreign NGO aid management");
        await Browser.CheckAsync(visitor, "18-home-english");
    }

    [Fact]
    public async Task An_NGO_prints_the_receipt_and_withdraws_its_dossier()
    {
        var ngoId = await RegisterNgoAsync();
        var dossierId = await SubmitThroughApiAsync(ngoId);
        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", ngoId);

        await ngo.GotoAsync($"/ngo/dossiers/{dossierId}/receipt");
        await Expect(ngo.Locator(".receipt-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^SNV-\d{8}-\d{3}$"));
        await Expect(ngo.GetByRole(AriaRole.Button, new() { Name = "In biên nhận" })).ToBeVisibleAsync();
        await Browser.CheckAsync(ngo, "20-ngo-receipt-page");

        await ngo.GotoAsync($"/ngo/dossiers/{dossierId}");
        await Browser.Interactive(ngo);
        var withdraw = ngo.GetByRole(AriaRole.Button, new() { Name = "Rút hồ sơ", Exact = true });
        await Expect(withdraw).ToBeDisabledAsync();
        await ngo.GetByLabel("Lý do rút hồ sơ *").FillAsync("Nhà tài trợ thay đổi kế hoạch.");
        await ngo.GetByLabel("Tôi hiểu rằng hồ sơ đã rút không thể tiếp tục.").CheckAsync();
        await withdraw.ClickAsync();
        await Expect(ngo.GetByRole(AriaRole.Status).Filter(new() { HasText = "Hồ sơ đã được rút." })).ToBeVisibleAsync();
        await Stage(ngo, "Withdrawn");
        await Expect(withdraw).ToHaveCountAsync(0);
        await Browser.CheckAsync(ngo, "21-ngo-withdrawn");
    }

    private async Task<Guid> SubmitThroughApiAsync(Guid ngoId) => (await Seed.SubmitDossierAsync(system, ngoId)).Id;

    private Task<Guid> RegisterNgoAsync() => Seed.RegisterNgoAsync(system);

    private static async Task FillDossierAsync(IPage page)
    {
        await page.GetByLabel("Tên chương trình, dự án *").FillAsync("Nước sạch cho trường học Tân Phú");
        await page.GetByLabel("Chủ khoản viện trợ *").FillAsync("UBND huyện Tân Phú");
        await page.GetByLabel("Cơ quan chủ quản *").FillAsync("Sở Giáo dục và Đào tạo");
        await page.GetByLabel("Lĩnh vực *").FillAsync("Education, Water");
        await page.GetByLabel("Địa điểm thực hiện *").FillAsync("Xã Phú Lộc\nXã Tà Lài");
        await page.GetByLabel("Số tiền *").FillAsync("120000");
        await page.GetByLabel("Tỷ giá quy đổi VND").FillAsync("25400");
        await page.GetByLabel("Ngày bắt đầu *").FillAsync("2027-01-01");
        await page.GetByLabel("Ngày kết thúc *").FillAsync("2028-12-31");
        await page.GetByLabel("Mục tiêu *").FillAsync("Nước uống an toàn cho 12 trường.");
        await page.GetByLabel("Đối tượng thụ hưởng *").FillAsync("4.000 học sinh và giáo viên");
        await page.GetByLabel("Văn kiện dự án *").SetInputFilesAsync(Pdf("ProjectDocument.pdf"));
        await Expect(page.GetByText("Đã chọn: ProjectDocument.pdf")).ToBeVisibleAsync();
        await page.GetByLabel("Thư cam kết của nhà tài trợ *").SetInputFilesAsync(Pdf("CommitmentLetter.pdf"));
        await Expect(page.GetByText("Đã chọn: CommitmentLetter.pdf")).ToBeVisibleAsync();
    }

    private static FilePayload Pdf(string name) => Seed.Pdf(name);

    /// <summary>
    /// A datetime-local value as Chromium keeps it. It drops ":00" seconds, and Playwright refuses a fill that the input
    /// then rewrites ("Malformed value"): with seconds always written, the journey failed whenever it ran at second 0.
    /// </summary>
    private static string DateTimeLocal(DateTime at) =>
        at.ToString(at.Second == 0 ? "yyyy-MM-ddTHH:mm" : "yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The officer's queue lists the dossier (it may take a moment to cross services); open it from there.</summary>
    private static async Task OpenFromQueueAsync(IPage page, string receipt)
    {
        await page.GotoAsync("/work");
        var link = page.GetByRole(AriaRole.Link, new() { Name = receipt });
        await Expect(link.First).ToBeVisibleAsync(Eventually);
        var user = await page.Locator(".who").TextContentAsync();
        await Browser.CheckAsync(page, $"queue-{user!.Split('(').Last().TrimEnd(')').Replace(' ', '-')}-{user.Split(' ')[0]}");
        // A full page load: the marker of interactivity then belongs to this page, not to the queue left behind.
        await page.GotoAsync((await link.First.GetAttributeAsync("href"))!);
        await Browser.Interactive(page);
        await ExpectFieldsLabelled(page);
    }

    /// <summary>Every field a service sent is shown under a label in the reader's language, not as its JSON name.</summary>
    private static async Task ExpectFieldsLabelled(IPage page)
    {
        // The intake desk reads the dossier in its own labelled sections; the other pages list their service's view.
        await Expect(page.Locator("dl.json dt[data-field=receiptCode], #receipt-facts-heading").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        if (await page.Locator("#receipt-facts-heading").CountAsync() > 0)
            return;
        await Expect(page.Locator("dl.json dt[data-field=receiptCode]").First).ToHaveTextAsync("Mã biên nhận", new() { Timeout = 30_000 });
        var unlabelled = await page.Locator("dl.json dt[data-unlabelled]").EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.field)");
        Assert.True(unlabelled.Length == 0, $"{page.Url}: no label for {string.Join(", ", unlabelled.Distinct())}");
    }

    private static ILocator Action(IPage page, string title) => page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });

    private static async Task Act(IPage page, string title, params (string Label, string Value)[] fields)
    {
        var action = Action(page, title);
        await Expect(action).ToBeVisibleAsync(Eventually);
        foreach (var (label, value) in fields)
            await action.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        await DeskActions.SubmitAsync(action, title);
        await Done(page, title);
    }

    private static async Task Done(IPage page, string? title = null)
    {
        var confirmation = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã thực hiện" + (title is null ? "" : $": {title}.") });
        await Expect(confirmation).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>The NGO's page changes by itself (no reload) to the stage.</summary>
    private static Task Stage(IPage page, string stage) =>
        Expect(page.Locator($"dd.stage[data-stage={stage}]")).ToBeVisibleAsync(Eventually);

    /// <summary>Moves the keyboard focus with Tab (or Shift+Tab) until the element with this id or class has it.</summary>
    private static async Task TabToAsync(IPage page, string idOrClass, bool backwards = false)
    {
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await page.EvaluateAsync<bool>("name => document.activeElement.id === name || document.activeElement.classList.contains(name)", idOrClass))
                return;
        }
        Assert.Fail($"{idOrClass} cannot be reached with the keyboard");
    }

    /// <summary>Each service either answered (its name as a heading) or is reported as not (yet) offering it.</summary>
    /// <summary>Every service answered with its record (not "not available", not an error).</summary>
    private static async Task ExpectEveryServiceAnswered(ILocator section)
    {
        // Each service under the name of its work and agency, as the catalogue labels it.
        foreach (var service in new[] { "Tiếp nhận hồ sơ (Sở Ngoại vụ)", "Thẩm tra an ninh (Công an tỉnh)",
                     "Thẩm định và quyết định (Sở Tài chính, UBND tỉnh)", "Theo dõi thực hiện (Sở Ngoại vụ)" })
            await Expect(section.GetByRole(AriaRole.Heading, new() { Name = service, Exact = true })
                .Or(section.GetByRole(AriaRole.Status).Filter(new() { HasText = service + ": chuỗi" }))).ToBeVisibleAsync();
        await Expect(section.Locator("p.alert[role=status]")).ToHaveCountAsync(0);
    }
}
