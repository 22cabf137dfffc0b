using System.Net.Http.Json;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Aid.PortalTests.Infrastructure.ServiceCalls;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// Sở Ngoại vụ's monitoring officer reads a project that has been through a lot (Monitoring's project view, in labelled
/// sections): a tranche in USD and its value in VND, a non-compliant inspection, a suspension and an overdue report.
/// </summary>
public sealed class MonitoringDeskPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task The_officer_reads_the_projects_tranches_inspections_and_suspension(string language)
    {
        string L(string vi, string en) => language == "vi" ? vi : en;
        var id = await SuspendedProjectAsync($"SNV-20251201-{(language == "vi" ? "7" : "8")}01");

        var officer = await browser.SignedInAsync(system.Portal, "monitoring.officer");
        await officer.GotoAsync($"/culture?c={language}&back=/work/{id}");
        await Browser.Interactive(officer);
        await Expect(officer.Locator("dd.stage")).ToHaveAttributeAsync("data-state", "Suspended", new() { Timeout = 30_000 });
        var project = officer.GetByRole(AriaRole.Region, new() { Name = L("Tình hình thực hiện", "Implementation") });
        await Expect(project).ToContainTextAsync("Thanh tra đột xuất phát hiện sai phạm.");
        await Expect(project.Locator(".flags")).ToContainTextAsync(L("Có báo cáo quá hạn", "A report is overdue"));
        await Expect(project.Locator(".flags")).ToContainTextAsync(L("Lần kiểm tra gần nhất: không tuân thủ", "Last inspection: non-compliant"));
        var tranches = officer.GetByRole(AriaRole.Region, new() { Name = L("Các đợt tiếp nhận viện trợ", "Aid tranches received") });
        await Expect(tranches.Locator("tbody tr")).ToContainTextAsync(L("1.000 USD", "1,000 USD"));
        await Expect(tranches.Locator("tbody tr")).ToContainTextAsync(L("25.400.000 VND", "25,400,000 VND"));
        var inspections = officer.GetByRole(AriaRole.Region, new() { Name = L("Kiểm tra", "Inspections"), Exact = true });
        await Expect(inspections.Locator("tbody tr")).ToContainTextAsync(L("Không tuân thủ", "Non-compliant"));
        await Expect(inspections.Locator("tbody tr")).ToContainTextAsync("Trần Văn Kiểm, Lê Thị Tra");
        var schedule = officer.GetByRole(AriaRole.Region, new() { Name = L("Lịch báo cáo", "Reporting schedule") });
        await Expect(schedule).ToContainTextAsync(L("Quá hạn, chưa nộp", "Overdue, not filed"));
        await Expect(officer.GetByRole(AriaRole.Region, new() { Name = L("Cho tiếp tục", "Resume"), Exact = true })).ToBeVisibleAsync();
        await Browser.CheckAsync(officer, $"monitoring-desk-suspended-{language}");
    }

    /// <summary>
    /// Approved a year ago (a report is overdue), started, a tranche of 1,000 USD at the approved rate of 25,400 VND,
    /// a non-compliant inspection, then suspended: all through Monitoring's API.
    /// </summary>
    private async Task<Guid> SuspendedProjectAsync(string receiptCode)
    {
        var id = Guid.NewGuid();
        var start = Seed.VietnamToday.AddYears(-1);
        await Seed.PublishAsync(system, new DossierDecided(
            new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow, "seed", "UBND", null, null, "appraisal", 1), id, receiptCode,
            DecisionOutcome.Approved)
        {
            DecisionNumber = "31/QĐ-UBND", DecisionDate = start.AddDays(-30), Signer = "Nguyễn Văn A", NgoId = Guid.NewGuid(),
            Title = "Nhà văn hoá cộng đồng", AmountVnd = 254_000_000, Amount = 10_000, Currency = "USD",
            StartDate = start, EndDate = start.AddYears(3), NgoName = "Hội Hữu nghị Đồng Nai", AidKind = "Project",
            Conditions = ["Báo cáo tiến độ hằng quý cho Sở Ngoại vụ."],
        });
        using var monitoring = await system.ClientAsync("Monitoring", "monitoring.officer");
        await UntilAsync("the approved project's monitoring", async () => (await monitoring.GetAsync($"/projects/{id}")).IsSuccessStatusCode);
        await Ok(await monitoring.PostAsJsonAsync($"/projects/{id}/implementation-started", new { startedOn = Seed.VietnamToday }));
        await Ok(await monitoring.PostAsJsonAsync($"/projects/{id}/tranches", new { amount = 1_000m, currency = "USD", receivedOn = Seed.VietnamToday, note = "Đợt 1" }));
        await Ok(await monitoring.PostAsJsonAsync($"/projects/{id}/inspections", new
        {
            inspectedOn = Seed.VietnamToday, team = new[] { "Trần Văn Kiểm", "Lê Thị Tra" }, findings = "Chưa lắp biển công trình.", verdict = "NonCompliant",
        }));
        await Ok(await monitoring.PostAsJsonAsync($"/projects/{id}/suspend", new { reason = "Thanh tra đột xuất phát hiện sai phạm." }));
        return id;
    }
}
