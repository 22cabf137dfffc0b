using System.Net.Http.Json;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Aid.PortalTests.Infrastructure.ServiceCalls;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// The NGO's own work from the portal: its dossier list marks what waits for it; it answers an itemised supplement
/// request item by item (an item left empty is refused by name); after approval it reads the decision, its conditions
/// and the reporting schedule, and files a report with an attached file that Sở Ngoại vụ's monitoring then lists.
/// </summary>
public sealed class NgoWorkPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task The_NGO_answers_a_supplement_item_by_item_then_reads_its_decision_and_files_a_report(string language)
    {
        string L(string vi, string en) => language == "vi" ? vi : en;
        string D(DateOnly d) => language == "vi" ? d.ToString("dd/MM/yyyy") : d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var ngoId = await Seed.RegisterNgoAsync(system);
        using var api = await system.ClientAsync("Registration", "ngo-staff", ngoId);
        var submitted = await Ok(await api.PostAsJsonAsync("/dossiers", Seed.ProjectDossier($"Trường học xanh {language}", [])));
        var id = submitted.GetProperty("dossierId").GetGuid();
        await Seed.UploadAsync(system, ngoId, id, Seed.ProjectDocuments); // intake accepts only once the declared files are in
        var answerBy = Seed.VietnamToday.AddDays(14);
        using (var intake = await system.ClientAsync("Registration", "intake.officer"))
            await Ok(await intake.PostAsJsonAsync($"/dossiers/{id}/supplement-request", new
            {
                missingItems = new[] { "Thư cam kết có chữ ký", "Dự toán theo từng xã" }, note = "Bản tiếng Việt, có dấu đỏ.", answerBy,
            }));

        // The list marks the dossier that waits for the NGO, with the date to answer by.
        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", ngoId);
        await ngo.GotoAsync($"/culture?c={language}&back=/ngo");
        await Browser.Interactive(ngo);
        var row = ngo.Locator("tr").Filter(new() { HasText = submitted.GetProperty("receiptCode").GetString()! });
        await Expect(row.Locator(".action-needed")).ToContainTextAsync(L($"Trả lời yêu cầu bổ sung trước {D(answerBy)}", $"Answer the supplement request by {D(answerBy)}"));
        await Browser.CheckAsync(ngo, $"ngo-list-supplement-{language}");

        // The notice: the officer's note, the date to answer by, each item with its own file and note.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await ngo.WaitForURLAsync($"**/ngo/dossiers/{id}");
        var supplement = ngo.GetByRole(AriaRole.Region, new() { Name = L("Sở Ngoại vụ yêu cầu bổ sung", "Sở Ngoại vụ asks for more") });
        await Expect(supplement.Locator(".officer-note")).ToHaveTextAsync("Bản tiếng Việt, có dấu đỏ.");
        // Only now: until the dossier's page replaced the list, the list's interactivity mark answered, and a file
        // chosen on the prerendered page was lost when its circuit rendered it again.
        await Browser.Interactive(ngo);
        await Expect(supplement.Locator(".answer-by")).ToHaveTextAsync(D(answerBy));
        var letter = supplement.Locator("fieldset").Filter(new() { HasText = "Thư cam kết có chữ ký" });
        var budget = supplement.Locator("fieldset").Filter(new() { HasText = "Dự toán theo từng xã" });
        await letter.GetByLabel(L("Tệp bổ sung", "File")).SetInputFilesAsync(Seed.Pdf("thu-cam-ket.pdf"));
        await Expect(letter.Locator(".hint")).ToHaveTextAsync("thu-cam-ket.pdf");
        await Browser.CheckAsync(ngo, $"ngo-supplement-{language}");
        await supplement.GetByRole(AriaRole.Button, new() { Name = L("Nộp bổ sung", "Send the supplement") }).ClickAsync();
        var refusal = ngo.Locator(".alert.error");
        await Expect(refusal).ToContainTextAsync(L("Cần kèm tài liệu hoặc ghi chú cho mục «Dự toán theo từng xã».",
            "Attach a document or write a note for the item «Dự toán theo từng xã»."));
        await Browser.CheckAsync(ngo, $"ngo-supplement-refused-{language}");
        await budget.GetByLabel(L("Ghi chú", "Note")).FillAsync(L("Dự toán đã gửi qua bưu điện.", "The estimate was sent by post."));
        await supplement.GetByRole(AriaRole.Button, new() { Name = L("Nộp bổ sung", "Send the supplement") }).ClickAsync();
        await Expect(ngo.Locator(".alert.ok")).ToContainTextAsync(L("Đã nộp bổ sung", "Supplement sent"));
        var events = await system.SendAsync("auditor", HttpMethod.Get, $"/dossiers/{id}/status");
        Assert.Equal("IntakeCheck", events.GetProperty("stage").GetString());

        // Approved with a condition (through the services' APIs); the page shows the decision and the schedule.
        await ApproveAsync(id);
        await ngo.GotoAsync($"/ngo/dossiers/{id}");
        await Browser.Interactive(ngo);
        var decision = ngo.GetByRole(AriaRole.Region, new() { Name = L("Quyết định phê duyệt", "Approval decision") });
        await Expect(decision.Locator(".decision-number")).ToHaveTextAsync("15/QĐ-UBND", new() { Timeout = 30_000 });
        await Expect(decision).ToContainTextAsync("Chủ tịch UBND tỉnh");
        await Expect(decision).ToContainTextAsync(D(Seed.VietnamToday));
        await Expect(decision.Locator(".conditions li")).ToHaveTextAsync("Báo cáo tiến độ hằng quý cho Sở Ngoại vụ.");
        var schedule = ngo.GetByRole(AriaRole.Region, new() { Name = L("Lịch báo cáo", "Reporting schedule") });
        await Expect(schedule.Locator("tr[data-report='2027-H1']")).ToContainTextAsync(D(new DateOnly(2027, 7, 15)));
        await Expect(schedule.Locator("tr[data-report='final']")).ToContainTextAsync(L("Báo cáo kết thúc", "Final report"));
        await Browser.CheckAsync(ngo, $"ngo-decision-{language}");
        await ngo.GotoAsync("/ngo");
        await Browser.Interactive(ngo);
        await Expect(row.Locator(".action-needed")).ToContainTextAsync(L("Nộp báo cáo trước", "File a report by"), new() { Timeout = 30_000 });
        await Browser.CheckAsync(ngo, $"ngo-list-report-{language}");

        // Implementation finished (monitoring, through the API): the NGO files the final report with its file.
        using (var monitoring = await system.ClientAsync("Monitoring", "monitoring.officer"))
        {
            await Ok(await monitoring.PostAsJsonAsync($"/projects/{id}/implementation-started", new { startedOn = Seed.VietnamToday }));
            await Ok(await monitoring.PostAsJsonAsync($"/projects/{id}/complete", new { completedOn = Seed.VietnamToday }));
        }
        await ngo.GotoAsync($"/ngo/dossiers/{id}");
        await Browser.Interactive(ngo);
        await schedule.GetByLabel(L("Báo cáo *", "Report *")).SelectOptionAsync("final");
        await schedule.GetByLabel(L("Tóm tắt kết quả thực hiện *", "Summary of what was done *")).FillAsync("Đã xây 3 lớp học.");
        await schedule.GetByLabel(L("Tệp báo cáo", "Report file")).SetInputFilesAsync(Seed.Pdf("bao-cao-ket-thuc.pdf"));
        await Expect(schedule.Locator("#report-file-hint")).ToHaveTextAsync("bao-cao-ket-thuc.pdf");
        await Browser.CheckAsync(ngo, $"ngo-report-form-{language}");
        await schedule.GetByRole(AriaRole.Button, new() { Name = L("Nộp báo cáo", "File the report") }).ClickAsync();
        await Expect(ngo.Locator(".alert.ok")).ToContainTextAsync(L("Đã nộp báo cáo", "Report filed"));
        await Expect(schedule.Locator("tr[data-report='final'] a.attachment")).ToHaveTextAsync("bao-cao-ket-thuc.pdf");
        await Browser.CheckAsync(ngo, $"ngo-report-filed-{language}");

        // Sở Ngoại vụ's monitoring lists the report as the NGO's, with its file.
        var project = await system.SendAsync("monitoring.officer", HttpMethod.Get, $"/projects/{id}", service: "Monitoring");
        var final = project.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "final");
        Assert.True(final.GetProperty("submittedByNgo").GetBoolean());
        Assert.Equal("bao-cao-ket-thuc.pdf", final.GetProperty("attachments")[0].GetProperty("name").GetString());
    }

    /// <summary>Intake, security and appraisal through the services' APIs; UBND tỉnh approves with a condition.</summary>
    private async Task ApproveAsync(Guid id)
    {
        var today = Seed.VietnamToday.ToString("yyyy-MM-dd");
        await system.SendAsync("intake.officer", HttpMethod.Post, $"/dossiers/{id}/accept", null);
        using var security = await system.ClientAsync("Security", "security.officer");
        await UntilAsync("the security review", async () => (await security.GetAsync($"/security-reviews/{id}")).IsSuccessStatusCode);
        await Ok(await security.PostAsJsonAsync($"/security-reviews/{id}/assignments", new { officers = new[] { "security.officer" } }));
        await Ok(await security.PostAsJsonAsync($"/security-reviews/{id}/conclusion", new { verdict = "Cleared" }));
        using var appraiser = await system.ClientAsync("Appraisal", "appraiser");
        await UntilAsync("the appraisal", async () => (await appraiser.GetStringAsync($"/appraisals/{id}")).Contains("\"Appraising\""));
        await Ok(await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests", new { departments = new[] { "Sở Giáo dục và Đào tạo" } }));
        await Ok(await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions",
            new { department = "Sở Giáo dục và Đào tạo", opinionDate = today, text = "Đồng ý.", stance = "Supports" }));
        await Ok(await appraiser.PostAsJsonAsync($"/appraisals/{id}/report", new { recommendation = "Approve" }));
        using var committee = await system.ClientAsync("Appraisal", "decision.maker");
        await Ok(await committee.PostAsJsonAsync($"/decisions/{id}/approve",
            new { decisionNumber = "15/QĐ-UBND", decisionDate = today, signer = "Chủ tịch UBND tỉnh", conditions = new[] { "Báo cáo tiến độ hằng quý cho Sở Ngoại vụ." } }));
        using var monitoring = await system.ClientAsync("Monitoring", "monitoring.officer");
        await UntilAsync("the approved project's monitoring", async () => (await monitoring.GetAsync($"/projects/{id}")).IsSuccessStatusCode);
    }
}
