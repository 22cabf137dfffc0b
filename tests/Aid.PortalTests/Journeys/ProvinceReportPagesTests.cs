using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.PortalTests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// The province report dashboard (figures, charts, XLSX/DOCX downloads) and the plan task follow-up, in a real
/// browser, in Vietnamese and English, with screenshots; refused to roles that may not see them. The facts other
/// services publish (a receipt, an approval, the plan) are seeded on the system's bus in the contracts' shapes.
/// </summary>
public sealed class ProvinceReportPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    private static readonly DateOnly Received = new(2026, 3, 2), Decided = new(2026, 3, 27);

    [Fact]
    public async Task The_dashboard_shows_the_reports_figures_and_downloads_the_exports()
    {
        await SeedAsync();
        var cutOff = DateTime.SpecifyKind(DateTime.UtcNow.AddHours(7).AddMinutes(10), DateTimeKind.Unspecified);
        var officer = await browser.SignedInAsync(system.Portal, "mobilisation.officer");
        await officer.GotoAsync("/reports");
        await officer.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Báo cáo công tác tổ chức phi chính phủ nước ngoài");

        // The default cut-off is the end of the period: facts recorded since are not in it. As of now, they are.
        await officer.GetByLabel("Chốt số liệu đến (để trống: cuối kỳ)").FillAsync(cutOff.ToString("yyyy-MM-ddTHH:mm"));
        var headline = officer.Locator("[data-testid=headline]");
        ILocator Figure(string label) => headline.Locator("tbody tr")
            .Filter(new() { Has = officer.GetByRole(AriaRole.Rowheader, new() { Name = label, Exact = true }) }).Locator("td").First;
        await ExpectEventually(officer, async () =>
        {
            await officer.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
            return await Figure("Phê duyệt").TextContentAsync(new() { Timeout = 5_000 }) == "1";
        });
        await Expect(Figure("Hồ sơ tiếp nhận")).ToHaveTextAsync("1");
        await Expect(Figure("Viện trợ cam kết (VND)")).ToHaveTextAsync("2.540.000.000");
        await Expect(officer.Locator("[data-testid=chart-sectors] svg")).ToBeVisibleAsync();
        await Expect(officer.Locator("[data-testid=chart-sectors]")).ToContainTextAsync("Y tế");
        await Expect(officer.Locator("[data-testid=mobilisation]")).ToContainTextAsync("50,8");
        await Browser.CheckAsync(officer, "30-report-dashboard-vi");

        // The same figures as the service's report at that cut-off.
        var api = await Monitoring("mobilisation.officer");
        var cutOffQuery = Uri.EscapeDataString(new DateTimeOffset(cutOff.AddSeconds(-cutOff.Second), TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm:sszzz"));
        var report = JsonDocument.Parse(await api.GetStringAsync($"/province-reports/annual/2026?cutOff={cutOffQuery}")).RootElement;
        Assert.Equal(1, report.GetProperty("dossiers").GetProperty("approved").GetInt32());
        Assert.Equal(2_540_000_000m, report.GetProperty("committed").GetProperty("totalVnd").GetDecimal());

        var download = await officer.RunAndWaitForDownloadAsync(() => officer.GetByRole(AriaRole.Link, new() { Name = "Tải bảng số liệu (XLSX)" }).ClickAsync());
        var path = Path.Combine(Browser.ScreenshotFolder, "report.xlsx");
        await download.SaveAsAsync(path);
        using (var xlsx = SpreadsheetDocument.Open(path, false))
        {
            var sheet = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Ho so");
            var rows = ((WorksheetPart)xlsx.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
            Assert.Equal(["1", "1", "0", "0", "0"], rows[2].Elements<Cell>().Select(c => c.CellValue!.Text));
        }
        var docx = await officer.RunAndWaitForDownloadAsync(() => officer.GetByRole(AriaRole.Link, new() { Name = "Tải báo cáo (DOCX)" }).ClickAsync());
        var docxPath = Path.Combine(Browser.ScreenshotFolder, "report.docx");
        await docx.SaveAsAsync(docxPath);
        using (var word = WordprocessingDocument.Open(docxPath, false))
            Assert.Contains("UBND tỉnh phê duyệt 1 hồ sơ", word.MainDocumentPart!.Document.Body!.InnerText);

        await officer.GotoAsync("/culture?c=en&back=/reports");
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Report on foreign NGO work");
        await Browser.CheckAsync(officer, "31-report-dashboard-en");

        // Refused: an intake officer and an NGO's staff.
        var intake = await browser.SignedInAsync(system.Portal, "intake.officer");
        foreach (var page in new[] { "/reports", "/report-export/annual/2026/xlsx" })
            Assert.Equal(403, (await intake.GotoAsync(page))!.Status);
        await Browser.CheckAsync(intake, "32-report-forbidden");
    }

    [Fact]
    public async Task Sở_Ngoại_vụ_adds_a_task_and_each_agency_follows_it_up()
    {
        var manager = await browser.SignedInAsync(system.Portal, "mobilisation.officer");
        await manager.GotoAsync("/plan-tasks?year=2026");
        await manager.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await manager.GetByLabel("Năm").FillAsync("2026");
        await manager.GetByText("Thêm nhiệm vụ", new() { Exact = true }).First.ClickAsync();
        await manager.GetByLabel("Nhiệm vụ *").FillAsync("Rà soát hoạt động của các tổ chức PCPNN");
        await manager.GetByLabel("Cơ quan chủ trì *").SelectOptionAsync(new SelectOptionValue { Label = "Công an tỉnh" });
        await manager.GetByLabel("Sở Y tế").CheckAsync();
        await manager.GetByLabel("Sản phẩm *").FillAsync("Báo cáo rà soát");
        await manager.GetByLabel("Bắt đầu *").FillAsync("2026-01-15");
        await manager.GetByLabel("Hạn hoàn thành *").FillAsync("2026-06-30");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã thêm nhiệm vụ.");
        var row = manager.Locator("[data-testid=plan-tasks] tbody tr", new() { HasText = "Rà soát hoạt động" });
        await Expect(row).ToHaveAttributeAsync("data-late", "true");
        await Expect(row.Locator("td").Last).ToHaveTextAsync("Công an tỉnh, Sở Y tế");
        await Browser.CheckAsync(manager, "33-plan-tasks-vi");

        // Công an tỉnh, the lead agency, reports its progress and writes its part of the report.
        var police = await browser.SignedInAsync(system.Portal, "security.officer");
        await police.GotoAsync("/plan-tasks");
        await police.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await police.GetByLabel("Năm").FillAsync("2026");
        await police.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        var section = police.Locator("section", new() { HasText = "Rà soát hoạt động" });
        await section.GetByLabel("Tiến độ của cơ quan (%)").FillAsync("100");
        await section.GetByLabel("Ghi chú").FillAsync("Đã hoàn thành rà soát.");
        await section.GetByRole(AriaRole.Button, new() { Name = "Cập nhật tiến độ" }).ClickAsync();
        await Expect(police.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã cập nhật tiến độ.");
        await section.GetByLabel("Nội dung đóng góp cho báo cáo").FillAsync("Không phát hiện vi phạm về an ninh trật tự.");
        await section.GetByRole(AriaRole.Button, new() { Name = "Gửi đóng góp" }).ClickAsync();
        await Expect(police.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã gửi đóng góp.");
        var policeRow = police.Locator("[data-testid=plan-tasks] tbody tr", new() { HasText = "Rà soát hoạt động" });
        await Expect(policeRow).ToHaveAttributeAsync("data-late", "false");
        await Expect(policeRow).ToContainTextAsync("Công an tỉnh 100%");
        await Browser.CheckAsync(police, "34-plan-tasks-agency-vi");

        await police.GotoAsync("/culture?c=en&back=/plan-tasks");
        await Expect(police.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plan task follow-up");
        await Browser.CheckAsync(police, "35-plan-tasks-en");

        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", Guid.NewGuid());
        Assert.Equal(403, (await ngo.GotoAsync("/plan-tasks"))!.Status);
    }

    private static async Task ExpectEventually(IPage page, Func<Task<bool>> attempt)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if (await attempt()) return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                // not shown yet
            }
            Assert.True(DateTime.UtcNow < deadline, "the dashboard did not show the seeded facts");
            await page.WaitForTimeoutAsync(1_000);
        }
    }

    private async Task<HttpClient> Monitoring(string user)
    {
        var http = new HttpClient { BaseAddress = system.Urls["Monitoring"] };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.TokenAsync(user));
        return http;
    }

    /// <summary>A receipt, an approval and the year's plan, as Registration and Appraisal publish them.</summary>
    private async Task SeedAsync()
    {
        // As the owning service publishes it: the receivers refuse a contract from any other.
        EventMetadata Meta(DateOnly day, string agency) =>
            new(Guid.NewGuid(), new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)), "seed", agency, null, null,
                agency == "UBND" ? "appraisal" : "registration", 1);
        var dossier = Guid.NewGuid();
        var ngo = Guid.NewGuid();
        await Seed.PublishAsync(system,
            new DossierReceived(Meta(Received, "SNV"), dossier, "SNV-20260302-001", ngo, "Project", Received, Received.AddDays(10))
            {
                Fields = ["Y tế"], Locations = ["Xã Phú Lý"], AmountVnd = 2_540_000_000m,
            },
            new DossierDecided(Meta(Decided, "UBND"), dossier, "SNV-20260302-001", DecisionOutcome.Approved)
            {
                DecisionNumber = "12/QĐ-UBND", DecisionDate = Decided, Signer = "Chủ tịch", NgoId = ngo, Title = "Trạm y tế xã", AmountVnd = 2_540_000_000m,
                StartDate = Decided, EndDate = Decided.AddYears(1), OnTime = true, NgoName = "Hope Water", NgoCountry = "Hoa Kỳ", AidKind = "Project",
                Fields = ["Y tế"], Locations = ["Xã Phú Lý"], Amount = 100_000m, Currency = "USD",
            },
            new MobilisationPlanAdopted(Meta(new DateOnly(2026, 1, 20), "SNV"), Guid.NewGuid(), 2026, [new SectorTarget("Y tế", 5_000_000_000m)]));
    }
}
