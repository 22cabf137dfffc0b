using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// One dossier from the NGO's registration to the aid's closure and an auditor's reading, only through the portal,
/// each role doing its own job: Sở Ngoại vụ registers the NGO; the NGO submits two dossiers with their files; intake
/// finds one by its receipt code and refuses to receive it (the NGO reads why), finds the other by the NGO's name
/// typed without diacritics and asks for an itemised supplement (a second officer acting on the old state is told
/// someone else acted first); the NGO answers item by item; every agency acts from its searched work queue through
/// the check step; the NGO reads the decision, files its final report with a file, and monitoring closes the aid;
/// the public lookup (by keyboard) and the auditor read the result; pages a role may not see are refused. Run whole
/// in Vietnamese at desktop width and in English at phone width; every page is screenshotted (TestResults/screenshots)
/// and checked at both widths in both languages.
/// </summary>
public sealed class DossierJourneyTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    // Events cross services through RabbitMQ; generous, as the browser tests may share the machine with other suites.
    private static readonly LocatorAssertionsToBeVisibleOptions Eventually = new() { Timeout = 120_000 };
    private string language = "vi";
    private int width = Browser.Desktop;

    private string T(string vi, string en) => language == "vi" ? vi : en;

    private string D(DateOnly day) => language == "vi"
        ? day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : day.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    [Theory]
    [InlineData("vi", Browser.Desktop)]
    [InlineData("en", Browser.Phone)]
    public async Task An_NGO_is_registered_and_its_dossier_goes_through_every_agency_to_closure_only_through_the_portal(string culture, int screen)
    {
        (language, width) = (culture, screen);
        // Letters only: six hex digits are sometimes all figures, which the page check reads as an ungrouped number.
        var tag = string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        var ngoName = $"Đồng Hành Children's Fund {tag}";
        var titleA = $"Nước sạch cho trường học Tân Phú {tag}";

        // Anonymous: home (Vietnamese by default; English by its link), then a page that needs sign-in.
        var visitor = await browser.NewPageAsync(system.Portal, width);
        await visitor.GotoAsync("/");
        await Expect(Heading(visitor)).ToHaveTextAsync("Quản lý viện trợ phi chính phủ nước ngoài");
        await ChooseLanguageAsync(visitor);
        await Expect(Heading(visitor)).ToHaveTextAsync(T("Quản lý viện trợ phi chính phủ nước ngoài", "Foreign NGO aid management"));
        await Check(visitor, "01-home");
        await visitor.GotoAsync("/ngo");
        Assert.Contains("/signin", visitor.Url);
        await Check(visitor, "02-sign-in");

        // Sở Ngoại vụ registers the NGO (its certificate expires in 60 days); the NGO's staff sign in under its id.
        var registrar = await SignInAsync("intake.officer");
        await registrar.GotoAsync("/registry");
        await Browser.Interactive(registrar);
        await registrar.GetByRole(AriaRole.Link, new() { Name = T("Đăng ký tổ chức mới", "Register an organisation") }).ClickAsync();
        // The form in view first: until the new page replaced the old one, the old page's interactivity mark answers.
        await Expect(registrar.GetByLabel(T("Tên gốc (ngôn ngữ của tổ chức) *", "Name in its own language *"))).ToBeVisibleAsync();
        await Browser.Interactive(registrar);
        await registrar.GetByLabel(T("Tên gốc (ngôn ngữ của tổ chức) *", "Name in its own language *")).FillAsync("Hilfswerk Đồng Hành für Kinder");
        await registrar.GetByLabel(T("Tên tiếng Anh *", "English name *")).FillAsync(ngoName);
        await registrar.GetByLabel(T("Tên viết tắt", "Acronym")).FillAsync("DHCF");
        await registrar.GetByLabel(T("Quốc gia *", "Country *")).SelectOptionAsync("DE");
        await registrar.GetByLabel(T("Địa chỉ trụ sở chính *", "Head office address *")).FillAsync("Hauptstraße 1, Berlin");
        await registrar.GetByLabel(T("Họ tên *", "Name *"), new() { Exact = true }).FillAsync("Anna Schmidt");
        await registrar.GetByLabel(T("Thư điện tử", "E-mail")).FillAsync("anna@dhcf.example");
        await registrar.GetByLabel(T("Giáo dục và đào tạo", "Education and training"), new() { Exact = true }).CheckAsync();
        await registrar.GetByLabel(T("Nước sạch và vệ sinh môi trường", "Clean water and sanitation"), new() { Exact = true }).CheckAsync();
        await registrar.GetByLabel(T("Đồng Nai", "Dong Nai"), new() { Exact = true }).CheckAsync();
        await registrar.GetByLabel(T("Số giấy *", "Number *")).FillAsync($"{tag}/BNG-VPDA");
        await registrar.GetByLabel(T("Ngày cấp *", "Issued on *")).FillAsync("2024-01-15");
        await registrar.GetByLabel(T("Ngày hết hạn *", "Expires on *")).FillAsync(Iso(Seed.VietnamToday.AddDays(60)));
        await registrar.GetByRole(AriaRole.Button, new() { Name = T("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(registrar.Locator("#register-check")).ToContainTextAsync(T("Đức", "Germany"));
        await Check(registrar, "03-registry-register-check");
        await registrar.GetByRole(AriaRole.Button, new() { Name = T("Ghi vào sổ đăng ký", "Register") }).ClickAsync();
        await registrar.WaitForURLAsync("**/registry/*");
        await Browser.Interactive(registrar);
        await Expect(Heading(registrar)).ToHaveTextAsync($"{ngoName} (DHCF)");
        var ngoId = Guid.Parse(new Uri(registrar.Url).Segments.Last());
        await Check(registrar, "04-registry-ngo");

        // The NGO: its organisation, then dossier A with validation as they type, its documents and money typed its way.
        var ngo = await SignInAsync("ngo-staff", ngoId);
        await Expect(ngo.GetByRole(AriaRole.Heading, new() { Name = $"{ngoName} (DHCF)" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(ngo.GetByText(T("Giấy đăng ký hết hạn sau", "The certificate expires in"))).ToBeVisibleAsync();
        await Check(ngo, "05-ngo-organisation");

        await ngo.GetByRole(AriaRole.Link, new() { Name = T("Nộp hồ sơ mới", "Submit a new dossier") }).ClickAsync();
        var title = ngo.GetByLabel(T("Tên chương trình, dự án *", "Title *"));
        await Expect(title).ToBeVisibleAsync();
        await Browser.Interactive(ngo);
        await title.FillAsync("x");
        await title.FillAsync("");
        await Expect(ngo.Locator("#title-error")).ToHaveTextAsync(T("Bắt buộc.", "Required."));
        await Expect(title).ToHaveAttributeAsync("aria-invalid", "true");
        await FillDossierAsync(ngo, titleA);
        await Expect(ngo.Locator("#title-error")).ToHaveCountAsync(0);
        await Check(ngo, "06-ngo-new-dossier");
        var (receipt, secret) = await SubmitReviewedAsync(ngo, T("120.000 USD", "120,000 USD"));
        await Check(ngo, "07-ngo-receipt");
        await ngo.GetByRole(AriaRole.Link, new() { Name = T("Xem hồ sơ", "Open the dossier") }).ClickAsync();
        await Stage(ngo, "IntakeCheck");
        var dossierUrl = ngo.Url;
        var dossierId = Guid.Parse(new Uri(dossierUrl).Segments.Last());

        // Dossier B, which Sở Ngoại vụ will refuse to receive; the NGO stays on its page.
        await ngo.GotoAsync("/ngo/dossiers/new");
        await Browser.Interactive(ngo);
        await FillDossierAsync(ngo, $"Cầu dân sinh ngoài tỉnh {tag}");
        var (receiptB, _) = await SubmitReviewedAsync(ngo, T("120.000 USD", "120,000 USD"));
        await ngo.GetByRole(AriaRole.Link, new() { Name = T("Xem hồ sơ", "Open the dossier") }).ClickAsync();
        await Stage(ngo, "IntakeCheck");

        // Sở Ngoại vụ finds B by its receipt code and refuses to receive it, with the reason on the check step.
        var intake = await SignInAsync("intake.officer");
        await OpenFromQueueAsync(intake, receiptB, receiptB);
        var refuse = T("Từ chối tiếp nhận hồ sơ", "Refuse to receive the dossier");
        var reason = T("Dự án thực hiện ngoài địa bàn tỉnh.", "The project lies outside the province.");
        await Action(intake, refuse).GetByLabel(T("Lý do từ chối tiếp nhận *", "Reason for refusing *"), new() { Exact = true }).FillAsync(reason);
        await Action(intake, refuse).GetByRole(AriaRole.Button, new() { Name = refuse, Exact = true }).ClickAsync();
        await Expect(DeskActions.CheckStep(Action(intake, refuse)).Locator("dd[data-field=reason]")).ToHaveTextAsync(reason);
        await Browser.CheckPageAsync(intake, $"journey-{language}-08-intake-refuse-check");
        await DeskActions.ConfirmAsync(Action(intake, refuse));
        await Done(intake, refuse);
        await Expect(intake.Locator("dd.stage")).ToHaveAttributeAsync("data-state", "ReceiptRefused");
        await Expect(intake.Locator(".refusal-reason")).ToHaveTextAsync(reason);
        // The NGO reads it on B's page, without reloading.
        await Stage(ngo, "ReceiptRefused");
        await Expect(ngo.Locator(".refusal-reason")).ToHaveTextAsync(reason);
        await Check(ngo, "09-ngo-refused");

        // Two intake officers find A: one by the NGO's name without diacritics, the other by its title. One asks for an
        // itemised supplement while the other is still filling in.
        var late = await SignInAsync("intake.officer");
        await OpenFromQueueAsync(late, $"truong hoc tan phu {tag}", receipt);
        var supplement = T("Yêu cầu bổ sung", "Ask for a supplement");
        var missing = T("Những gì còn thiếu (mỗi dòng một mục) *", "What is missing (one a line) *");
        await Action(late, supplement).GetByLabel(missing, new() { Exact = true }).FillAsync("Bản dịch công chứng");
        await OpenFromQueueAsync(intake, $"dong hanh children's fund {tag}", receipt);
        await Expect(intake.GetByRole(AriaRole.Region, new() { Name = T("Kinh phí", "Budget"), Exact = true }).Locator(".budget-vnd"))
            .ToHaveTextAsync(T("3.048.000.000 VND", "3,048,000,000 VND"));
        await Check(intake, "10-intake-dossier");
        var answerBy = Seed.VietnamToday.AddDays(10);
        var request = Action(intake, supplement);
        await request.GetByLabel(missing, new() { Exact = true }).FillAsync("Bản sao giấy phép hoạt động\nDự toán chi tiết theo từng xã");
        await request.GetByLabel(T("Ghi chú", "Note"), new() { Exact = true }).FillAsync("Bản tiếng Việt, có dấu đỏ.");
        await request.GetByLabel(T("Hạn nộp bổ sung (không bắt buộc)", "Answer by (optional)"), new() { Exact = true }).FillAsync(Iso(answerBy));
        await request.GetByRole(AriaRole.Button, new() { Name = supplement, Exact = true }).ClickAsync();
        var check = DeskActions.CheckStep(request);
        await Expect(check.Locator("dd[data-field=missingItems] li")).ToHaveTextAsync(["Bản sao giấy phép hoạt động", "Dự toán chi tiết theo từng xã"]);
        await Expect(check.Locator("dd[data-field=answerBy]")).ToHaveTextAsync(D(answerBy));
        await Browser.CheckPageAsync(intake, $"journey-{language}-11-intake-supplement-check");
        await DeskActions.ConfirmAsync(request);
        await Done(intake, supplement);
        await DeskActions.SubmitAsync(Action(late, supplement), supplement);
        await Expect(late.GetByText(T("Người khác đã thao tác trước bạn.", "Someone else acted first."))).ToBeVisibleAsync();
        await Expect(late.Locator("dd.stage")).ToHaveAttributeAsync("data-state", "SupplementRequested");
        await Check(late, "12-intake-conflict-409");

        // The NGO finds A on its list, marked as waiting for it, and answers item by item: a file, and a note.
        await ngo.GotoAsync("/ngo");
        var row = ngo.Locator("tr").Filter(new() { HasText = receipt });
        await Expect(row.Locator(".action-needed")).ToContainTextAsync(
            T($"Trả lời yêu cầu bổ sung trước {D(answerBy)}", $"Answer the supplement request by {D(answerBy)}"), new() { Timeout = 30_000 });
        await Expect(ngo.Locator("tr").Filter(new() { HasText = receiptB }).Locator("td.stage")).ToHaveAttributeAsync("data-stage", "ReceiptRefused");
        await Check(ngo, "13-ngo-list-supplement");
        await row.GetByRole(AriaRole.Link, new() { Name = receipt }).ClickAsync();
        await ngo.WaitForURLAsync(dossierUrl);
        await Browser.Interactive(ngo);
        var notice = ngo.GetByRole(AriaRole.Region, new() { Name = T("Sở Ngoại vụ yêu cầu bổ sung", "Sở Ngoại vụ asks for more") });
        await Expect(notice.Locator(".officer-note")).ToHaveTextAsync("Bản tiếng Việt, có dấu đỏ.", new() { Timeout = 30_000 });
        await Expect(notice.Locator(".answer-by")).ToHaveTextAsync(D(answerBy));
        var licence = notice.GetByRole(AriaRole.Group, new() { Name = "Bản sao giấy phép hoạt động" });
        await licence.GetByLabel(T("Tệp bổ sung", "File")).SetInputFilesAsync(Pdf("Licence.pdf"));
        await Expect(licence.Locator(".hint")).ToHaveTextAsync("Licence.pdf");
        await notice.GetByRole(AriaRole.Group, new() { Name = "Dự toán chi tiết theo từng xã" }).GetByLabel(T("Ghi chú", "Note"))
            .FillAsync(T("Dự toán đã gửi qua bưu điện.", "The estimate was sent by post."));
        await Check(ngo, "14-ngo-supplement");
        await notice.GetByRole(AriaRole.Button, new() { Name = T("Nộp bổ sung", "Send the supplement") }).ClickAsync();
        await Expect(ngo.Locator(".alert.ok")).ToContainTextAsync(T("Đã nộp bổ sung", "Supplement sent"));
        await Stage(ngo, "IntakeCheck");

        // Intake reads the answers (its page follows by itself) and accepts.
        await Expect(intake.Locator("dd.stage")).ToHaveAttributeAsync("data-state", "IntakeCheck", new() { Timeout = 30_000 });
        await Expect(intake.Locator("ul.answers li")).ToHaveCountAsync(2);
        await Expect(intake.Locator("ul.answers")).ToContainTextAsync("Licence.pdf");
        await Check(intake, "15-intake-answered");
        var accept = T("Chấp nhận hồ sơ hợp lệ", "Accept the dossier");
        await DeskActions.SubmitAsync(Action(intake, accept), accept);
        await Done(intake, accept);
        await Stage(ngo, "SecurityCheck");

        // Công an tỉnh.
        var police = await SignInAsync("security.officer");
        await OpenFromQueueAsync(police, receipt, receipt);
        await Check(police, "16-security-dossier");
        await Act(police, T("Phân công cán bộ", "Assign officers"),
            (T("Cán bộ (tên đăng nhập, mỗi dòng một người) *", "Officers (user names, one a line) *"), "security.officer"));
        await Act(police, T("Ghi nhận kết quả xác minh (nội bộ)", "Record a finding (internal)"),
            (T("Nội dung *", "Text *"), T("Không phát hiện dấu hiệu bất thường.", "Nothing unusual found.")));
        await Act(police, T("Kết luận thẩm tra", "Conclude the review"));
        await Stage(ngo, "Appraisal");

        // Sở Tài chính, finding the dossier by its title.
        var finance = await SignInAsync("appraiser");
        await OpenFromQueueAsync(finance, titleA, receipt);
        await Act(finance, T("Lấy ý kiến các cơ quan", "Ask departments for opinions"),
            (T("Cơ quan (mỗi dòng một cơ quan) *", "Departments (one a line) *"), "Sở Kế hoạch và Đầu tư"));
        await Act(finance, T("Ghi nhận ý kiến", "Record an opinion"), (T("Cơ quan *", "Department *"), "Sở Kế hoạch và Đầu tư"),
            (T("Nội dung *", "Text *"), T("Phù hợp quy hoạch.", "In line with the plan.")));
        await Check(finance, "17-appraisal-dossier");
        await Act(finance, T("Ban hành báo cáo thẩm định", "Issue the appraisal report"));
        await Stage(ngo, "Decision");

        // UBND tỉnh approves with a decision number, a signer and a condition.
        var committee = await SignInAsync("decision.maker");
        await OpenFromQueueAsync(committee, receipt, receipt);
        await Check(committee, "18-decision-dossier");
        var condition = T("Báo cáo tiến độ hằng quý cho Sở Ngoại vụ.", "Report progress to Sở Ngoại vụ every quarter.");
        await Act(committee, T("Phê duyệt", "Approve"), (T("Số quyết định *", "Decision number *"), $"{tag}/QĐ-UBND"),
            (T("Người ký *", "Signer *"), "Nguyễn Văn Chủ tịch"), (T("Điều kiện", "Conditions"), condition));
        await Expect(ngo.Locator("dd.stage")).ToHaveAttributeAsync("data-stage", new Regex("Approved|Implementing"), new() { Timeout = 120_000 });

        // The NGO reads the decision, its condition and the reporting schedule.
        var decision = ngo.GetByRole(AriaRole.Region, new() { Name = T("Quyết định phê duyệt", "Approval decision") });
        await Expect(decision.Locator(".decision-number")).ToHaveTextAsync($"{tag}/QĐ-UBND", new() { Timeout = 60_000 });
        await Expect(decision).ToContainTextAsync("Nguyễn Văn Chủ tịch");
        await Expect(decision.Locator(".conditions li")).ToHaveTextAsync(condition);
        var schedule = ngo.GetByRole(AriaRole.Region, new() { Name = T("Lịch báo cáo", "Reporting schedule") });
        await Expect(schedule.Locator("tr[data-report='2027-H1']")).ToContainTextAsync(D(new DateOnly(2027, 7, 15)));
        await Expect(schedule.Locator("tr[data-report='final']")).ToContainTextAsync(T("Báo cáo kết thúc", "Final report"));
        await Check(ngo, "19-ngo-decision");

        // Monitoring (Sở Ngoại vụ): implementation, then completion.
        var monitor = await SignInAsync("monitoring.officer");
        await OpenFromQueueAsync(monitor, receipt, receipt);
        await Act(monitor, T("Ghi nhận bắt đầu thực hiện", "Record implementation started"));
        await Stage(ngo, "Implementing");
        await Act(monitor, T("Ghi nhận hoàn thành", "Record completion"));
        await Stage(ngo, "Completed");

        // The NGO files its final report with a file.
        await schedule.GetByLabel(T("Báo cáo *", "Report *")).SelectOptionAsync("final");
        var summary = T("Đã lắp đặt hệ thống lọc nước cho 12 trường.", "Water filters installed in 12 schools.");
        await schedule.GetByLabel(T("Tóm tắt kết quả thực hiện *", "Summary of what was done *")).FillAsync(summary);
        await schedule.GetByLabel(T("Tệp báo cáo", "Report file")).SetInputFilesAsync(Pdf("bao-cao-ket-thuc.pdf"));
        await Expect(schedule.Locator("#report-file-hint")).ToHaveTextAsync("bao-cao-ket-thuc.pdf");
        await Check(ngo, "20-ngo-report-form");
        await schedule.GetByRole(AriaRole.Button, new() { Name = T("Nộp báo cáo", "File the report") }).ClickAsync();
        await Expect(ngo.Locator(".alert.ok")).ToContainTextAsync(T("Đã nộp báo cáo", "Report filed"));
        await Expect(schedule.Locator("tr[data-report='final'] a.attachment")).ToHaveTextAsync("bao-cao-ket-thuc.pdf");

        // Monitoring sees the report and its file, then closes the aid: the last state its desk reaches.
        await Expect(monitor.GetByText(summary)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The officer opens the NGO's file from the reporting schedule, through the portal.
        var reportFile = monitor.GetByRole(AriaRole.Region, new() { Name = T("Lịch báo cáo", "Reporting schedule") })
            .Locator("tr[data-report='final'] a.attachment");
        await Expect(reportFile).ToHaveTextAsync("bao-cao-ket-thuc.pdf");
        var opened = await monitor.RunAndWaitForDownloadAsync(() => reportFile.ClickAsync());
        Assert.Equal("bao-cao-ket-thuc.pdf", opened.SuggestedFilename);
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync((await opened.PathAsync())!));
        await Check(monitor, "21-monitoring-report");
        await Act(monitor, T("Kết thúc khoản viện trợ", "Close the aid"),
            (T("Ghi chú quyết toán *", "Settlement note *"), T("Đã quyết toán đủ.", "Settled in full, no balance left.")));
        await Expect(monitor.Locator("dd.stage")).ToHaveAttributeAsync("data-state", "Closed");
        await Expect(monitor.GetByRole(AriaRole.Region, new() { Name = T("Kết thúc khoản viện trợ", "Close the aid"), Exact = true })).ToHaveCountAsync(0);
        await Check(monitor, "22-monitoring-closed");
        await Stage(ngo, "Closed");
        await Expect(ngo.GetByRole(AriaRole.Heading, new() { Name = T("Nộp báo cáo", "File a report") })).ToHaveCountAsync(0);
        await Expect(ngo.Locator("ol.timeline li").First).ToBeVisibleAsync();
        await Check(ngo, "23-ngo-dossier-timeline");
        await ngo.GotoAsync("/ngo");
        await Expect(ngo.Locator($"td.stage[data-stage=Closed]")).ToBeVisibleAsync();

        // What the pages recorded, read back: the registry entry, the money typed the reader's way, the supplement,
        // the NGO's report and its file.
        var registered = await system.SendAsync("intake.officer", HttpMethod.Get, $"/ngos/{ngoId}");
        Assert.Equal(ngoName, registered.GetProperty("profile").GetProperty("nameEnglish").GetString());
        var read = await system.SendAsync("intake.officer", HttpMethod.Get, $"/dossiers/{dossierId}/intake");
        var budget = read.GetProperty("content").GetProperty("budget");
        Assert.Equal(120_000m, budget.GetProperty("amount").GetDecimal());
        Assert.Equal(25_400m, budget.GetProperty("exchangeRate").GetDecimal());
        var round = read.GetProperty("supplements")[0];
        Assert.Equal(2, round.GetProperty("missingItems").GetArrayLength());
        Assert.Equal(Iso(answerBy), round.GetProperty("answerBy").GetString());
        var project = await system.SendAsync("monitoring.officer", HttpMethod.Get, $"/projects/{dossierId}", service: "Monitoring");
        Assert.Equal("Closed", project.GetProperty("status").GetString());
        var final = project.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "final");
        Assert.True(final.GetProperty("submittedByNgo").GetBoolean());
        Assert.Equal("bao-cao-ket-thuc.pdf", final.GetProperty("attachments")[0].GetProperty("name").GetString());

        // The public lookup, by keyboard only: skip link, then the form.
        var citizen = await browser.NewPageAsync(system.Portal, width);
        await citizen.GotoAsync("/");
        await ChooseLanguageAsync(citizen);
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
        await Expect(citizen.Locator("dd.stage[data-stage=Closed]")).ToBeVisibleAsync();
        await Check(citizen, "24-public-lookup");

        // The auditor: search, cross-service timeline, as-of state, verification.
        var auditor = await SignInAsync("auditor");
        await Browser.Interactive(auditor);
        await Check(auditor, "25-audit-search");
        await auditor.GetByLabel(T("Mã biên nhận hoặc mã hồ sơ", "Receipt code or dossier id")).FillAsync(receipt);
        await auditor.GetByRole(AriaRole.Button, new() { Name = T("Tìm", "Search") }).ClickAsync();
        await Expect(Heading(auditor)).ToContainTextAsync(receipt);
        await auditor.GotoAsync(auditor.Url);
        await Browser.Interactive(auditor);
        await Expect(auditor.Locator("ol.timeline li").First).ToBeVisibleAsync();
        // The cross-service timeline holds every service's events: the NGO's submission to the aid's closure.
        var events = auditor.Locator("table.audit-events tbody");
        foreach (var (service, type) in new[] { ("Registration", "DossierSubmitted"), ("Registration", "DossierResubmitted"),
                     ("Security", "ReviewConcluded"), ("Appraisal", "DossierApproved"), ("Monitoring", "ProjectMonitoringStarted"),
                     ("Monitoring", "ProgressReportReceived"), ("Monitoring", "ProjectClosed") })
            await Expect(events.Locator($"tr[data-service={service}][data-event={type}]").First).ToBeVisibleAsync();
        // In words, in the reader's language; the raw JSON only behind its expander.
        await Expect(events.Locator("tr[data-event=DossierSubmitted] td.what").First).ToHaveTextAsync(T("Tổ chức nộp hồ sơ", "The NGO submitted the dossier"));
        await Expect(events.Locator("details.raw pre").First).Not.ToBeVisibleAsync();
        await auditor.GetByLabel(T("Thời điểm (giờ Việt Nam)", "Date and time (Vietnam time)")).FillAsync(DateTimeLocal(DateTime.UtcNow.AddHours(7)));
        await auditor.GetByRole(AriaRole.Button, new() { Name = T("Xem trạng thái", "Show the state") }).ClickAsync();
        await ExpectEveryServiceAnswered(auditor.Locator("section", new() { Has = auditor.GetByRole(AriaRole.Heading, new() { Name = T("Trạng thái tại một thời điểm", "State as of a date and time") }) }));
        await ExpectFieldsLabelled(auditor);
        await auditor.GetByRole(AriaRole.Button, new() { Name = T("Kiểm tra", "Verify"), Exact = true }).ClickAsync();
        await ExpectEveryServiceAnswered(auditor.Locator("section", new() { Has = auditor.GetByRole(AriaRole.Heading, new() { Name = T("Kiểm tra toàn vẹn (chống sửa đổi)", "Tamper-evidence verification") }) }));
        await Expect(auditor.GetByRole(AriaRole.Status).Filter(new() { HasText = T("chuỗi sự kiện nguyên vẹn", "the event chain is intact") })).ToHaveCountAsync(4);
        await Check(auditor, "26-audit-dossier");

        await auditor.GotoAsync("/statistics");
        await Expect(auditor.GetByRole(AriaRole.Rowheader, new() { Name = T("Sở Ngoại vụ — Tiếp nhận hồ sơ", "Department of Foreign Affairs — Intake check") })).ToBeVisibleAsync();
        await Expect(auditor.GetByRole(AriaRole.Img, new() { Name = T("Biểu đồ: hoàn thành đúng hạn", "Chart: completed on time") })).ToBeVisibleAsync();
        await Check(auditor, "27-statistics");

        // Refused: an NGO on an officer's queue and on the audit pages; an officer on the NGO pages.
        foreach (var (page, path) in new[] { (ngo, "/work"), (ngo, "/audit"), (intake, "/ngo") })
        {
            var answer = await page.GotoAsync(path);
            Assert.Equal(403, answer!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = T("Không có quyền truy cập", "Access refused") })).ToBeVisibleAsync();
        }
        await Check(ngo, "28-forbidden");

        // The other language on request.
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = T("English", "Tiếng Việt") }).ClickAsync();
        await Expect(Heading(visitor)).ToHaveTextAsync(T("Foreign NGO aid management", "Quản lý viện trợ phi chính phủ nước ngoài"));
    }

    [Fact]
    public async Task An_NGO_prints_the_receipt_and_withdraws_its_dossier()
    {
        var ngoId = await Seed.RegisterNgoAsync(system);
        var dossierId = (await Seed.SubmitDossierAsync(system, ngoId)).Id;
        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", ngoId);

        await ngo.GotoAsync($"/ngo/dossiers/{dossierId}/receipt");
        await Expect(ngo.Locator(".receipt-code")).ToHaveTextAsync(new Regex(@"^SNV-\d{8}-\d{3}$"));
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

    /// <summary>Signs in through the portal's sign-in form at the run's width, then chooses the run's language by its link.</summary>
    private async Task<IPage> SignInAsync(string user, Guid? ngo = null)
    {
        var page = await browser.SignedInAsync(system.Portal, user, ngo, width);
        await ChooseLanguageAsync(page);
        return page;
    }

    /// <summary>Vietnamese is the default; English is chosen with the link in the page's header, as a reader would.</summary>
    private async Task ChooseLanguageAsync(IPage page)
    {
        if (language == "vi") return;
        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    private Task Check(IPage page, string name) => Browser.CheckAsync(page, $"journey-{language}-{name}");

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private async Task FillDossierAsync(IPage page, string title)
    {
        await page.GetByLabel(T("Tên chương trình, dự án *", "Title *")).FillAsync(title);
        await page.GetByLabel(T("Chủ khoản viện trợ *", "Aid owner *")).FillAsync("UBND huyện Tân Phú");
        await page.GetByLabel(T("Cơ quan chủ quản *", "Managing agency *")).FillAsync("Sở Giáo dục và Đào tạo");
        await page.GetByLabel(T("Lĩnh vực *", "Fields *")).FillAsync("Education, Water");
        await page.GetByLabel(T("Địa điểm thực hiện *", "Locations *")).FillAsync("Xã Phú Lộc\nXã Tà Lài");
        // Money as each reader writes it: the services must receive 120000 and 25400 either way.
        await page.GetByLabel(T("Số tiền *", "Amount *")).FillAsync(T("120.000", "120,000"));
        await page.GetByLabel(T("Tỷ giá quy đổi VND", "Exchange rate to VND")).FillAsync(T("25.400", "25,400"));
        await page.GetByLabel(T("Ngày bắt đầu *", "Start date *")).FillAsync("2027-01-01");
        await page.GetByLabel(T("Ngày kết thúc *", "End date *")).FillAsync("2028-12-31");
        await page.GetByLabel(T("Mục tiêu *", "Objectives *")).FillAsync("Nước uống an toàn cho 12 trường.");
        await page.GetByLabel(T("Đối tượng thụ hưởng *", "Beneficiaries *")).FillAsync("4.000 học sinh và giáo viên");
        await page.GetByLabel(T("Văn kiện dự án *", "Project document *")).SetInputFilesAsync(Pdf("ProjectDocument.pdf"));
        await Expect(page.GetByText(T("Đã chọn: ProjectDocument.pdf", "Chosen: ProjectDocument.pdf"))).ToBeVisibleAsync();
        await page.GetByLabel(T("Thư cam kết của nhà tài trợ *", "Donor's commitment letter *")).SetInputFilesAsync(Pdf("CommitmentLetter.pdf"));
        await Expect(page.GetByText(T("Đã chọn: CommitmentLetter.pdf", "Chosen: CommitmentLetter.pdf"))).ToBeVisibleAsync();
    }

    /// <summary>Continue to the review (the amount as understood), submit; the receipt's code and lookup secret.</summary>
    private async Task<(string Code, string Secret)> SubmitReviewedAsync(IPage page, string amount)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = T("Tiếp tục", "Continue") }).ClickAsync();
        await Expect(page.Locator("#review-amount")).ToHaveTextAsync(amount);
        await page.GetByRole(AriaRole.Button, new() { Name = T("Nộp hồ sơ", "Submit the dossier") }).ClickAsync();
        var code = (await page.Locator(".receipt-code").TextContentAsync(new() { Timeout = 30_000 }))!.Trim();
        var secret = (await page.Locator(".receipt-secret").TextContentAsync())!.Trim();
        Assert.Matches(@"^SNV-\d{8}-\d{3}$", code);
        Assert.Equal(8, secret.Length);
        return (code, secret);
    }

    private static FilePayload Pdf(string name) => Seed.Pdf(name);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A datetime-local value as Chromium keeps it. It drops ":00" seconds, and Playwright refuses a fill that the input
    /// then rewrites ("Malformed value"): with seconds always written, the journey failed whenever it ran at second 0.
    /// </summary>
    private static string DateTimeLocal(DateTime at) =>
        at.ToString(at.Second == 0 ? "yyyy-MM-ddTHH:mm" : "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// The officer searches their queue with its search box; the dossier is listed once it has crossed services (the
    /// queue follows by itself), and is opened from there.
    /// </summary>
    private async Task OpenFromQueueAsync(IPage page, string search, string receipt)
    {
        await page.GotoAsync("/work");
        await page.GetByLabel(T("Tìm theo mã biên nhận, tên tổ chức, tên hồ sơ", "Search by receipt code, NGO or title")).FillAsync(search);
        await page.GetByRole(AriaRole.Button, new() { Name = T("Tìm", "Search"), Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("q="));
        var link = page.GetByRole(AriaRole.Link, new() { Name = receipt, Exact = true });
        await Expect(link.First).ToBeVisibleAsync(Eventually);
        var user = (await page.Locator(".who").TextContentAsync())!;
        await Check(page, $"queue-{user.Split('(').Last().TrimEnd(')').Replace(' ', '-')}-{user.Split(' ')[0]}");
        // A full page load: the marker of interactivity then belongs to this page, not to the queue left behind.
        await page.GotoAsync((await link.First.GetAttributeAsync("href"))!);
        await Browser.Interactive(page);
        await Expect(page.Locator("dd.stage")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Every field a service sent is shown under a label in the reader's language, not as its JSON name.</summary>
    private async Task ExpectFieldsLabelled(IPage page)
    {
        await Expect(page.Locator("dl.json dt[data-field=receiptCode]").First).ToHaveTextAsync(T("Mã biên nhận", "Receipt code"), new() { Timeout = 30_000 });
        var unlabelled = await page.Locator("dl.json dt[data-unlabelled]").EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.field)");
        Assert.True(unlabelled.Length == 0, $"{page.Url}: no label for {string.Join(", ", unlabelled.Distinct())}");
    }

    private static ILocator Action(IPage page, string title) => page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });

    /// <summary>Fills the action's fields, presses its button, confirms its check step and waits for the confirmation.</summary>
    private async Task Act(IPage page, string title, params (string Label, string Value)[] fields)
    {
        var action = Action(page, title);
        await Expect(action).ToBeVisibleAsync(Eventually);
        foreach (var (label, value) in fields)
            await action.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        await DeskActions.SubmitAsync(action, title);
        await Done(page, title);
    }

    private async Task Done(IPage page, string title)
    {
        var confirmation = page.GetByRole(AriaRole.Status).Filter(new() { HasText = T($"Đã thực hiện: {title}.", $"Done: {title}.") });
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

    /// <summary>Every service answered with its record (not "not available", not an error), under the name of its work
    /// and agency as the catalogue labels it.</summary>
    private async Task ExpectEveryServiceAnswered(ILocator section)
    {
        foreach (var service in new[]
                 {
                     T("Tiếp nhận hồ sơ (Sở Ngoại vụ)", "Registration (Department of Foreign Affairs)"),
                     T("Thẩm tra an ninh (Công an tỉnh)", "Security check (Provincial Police)"),
                     T("Thẩm định và quyết định (Sở Tài chính, UBND tỉnh)", "Appraisal and decision (Department of Finance, Provincial People's Committee)"),
                     T("Theo dõi thực hiện (Sở Ngoại vụ)", "Monitoring (Department of Foreign Affairs)"),
                 })
            await Expect(section.GetByRole(AriaRole.Heading, new() { Name = service, Exact = true })
                .Or(section.GetByRole(AriaRole.Status).Filter(new() { HasText = service + T(": chuỗi", ": the event chain") }))).ToBeVisibleAsync();
        await Expect(section.Locator("p.alert[role=status]")).ToHaveCountAsync(0);
    }
}
