using System.Net.Http.Headers;
using System.Net.Http.Json;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Aid.PortalTests.Infrastructure.ServiceCalls;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// UBND tỉnh's decision-maker finds a dossier forwarded to the Prime Minister in the work queue and records the Prime
/// Minister's decision from the portal, with the decision document attached and downloadable; the project then appears
/// in monitoring.
/// </summary>
public sealed class PrimeMinisterDecisionPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task The_decision_maker_records_the_Prime_Ministers_approval(string language)
    {
        string L(string vi, string en) => language == "vi" ? vi : en;
        var (id, receipt) = await ForwardedAsync();
        var committee = await browser.SignedInAsync(system.Portal, "decision.maker");
        await committee.GotoAsync($"/culture?c={language}&back=/work");
        var forwarded = committee.GetByRole(AriaRole.Region, new() { Name = L("Chờ Thủ tướng Chính phủ quyết định", "Waiting for the Prime Minister's decision") });
        await Expect(forwarded.GetByRole(AriaRole.Link, new() { Name = receipt })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Browser.CheckAsync(committee, $"pm-queue-{language}");

        await forwarded.GetByRole(AriaRole.Link, new() { Name = receipt }).ClickAsync();
        var title = L("Ghi nhận quyết định của Thủ tướng Chính phủ", "Record the Prime Minister's decision");
        var action = committee.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });
        await Expect(action).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Browser.CheckAsync(committee, $"pm-dossier-{language}");
        // Before the circuit is up the button would post the form to the server, which has nothing to say to it.
        await Browser.Interactive(committee);

        // The Prime Minister's decision document: a wrong file is refused on the page, the PDF is attached and downloads.
        var document = committee.GetByRole(AriaRole.Region, new() { Name = L("Văn bản quyết định của Thủ tướng Chính phủ", "The Prime Minister's decision document") });
        var file = document.GetByLabel(L("Bản quét hoặc tệp PDF của văn bản *", "The document's scan or PDF *"));
        var attach = document.GetByRole(AriaRole.Button, new() { Name = L("Đính kèm văn bản", "Attach the document"), Exact = true });
        await attach.ClickAsync();
        await Expect(committee.GetByRole(AriaRole.Alert).Filter(new() { HasText = L("Có vấn đề cần sửa", "There is a problem") })).ToBeVisibleAsync();
        await file.SetInputFilesAsync(new FilePayload { Name = "decision.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A] });
        await Expect(document.GetByText(L("Chỉ nhận pdf, docx, xlsx, jpg, png đến 10 MB.", "Only pdf, docx, xlsx, jpg or png up to 10 MB.")).First).ToBeVisibleAsync();
        await file.SetInputFilesAsync(Seed.Pdf("QD-1520-TTg.pdf"));
        // The file has reached the portal once the field's hint names it.
        await Expect(document.GetByText("QD-1520-TTg.pdf", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await attach.ClickAsync();
        await Expect(committee.GetByRole(AriaRole.Status).Filter(new() { HasText = L("Đã đính kèm văn bản", "Attached") })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var link = document.GetByRole(AriaRole.Link, new() { Name = L("Tải văn bản: QD-1520-TTg.pdf", "Download the document: QD-1520-TTg.pdf") });
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Browser.CheckAsync(committee, $"pm-document-{language}");
        var download = await committee.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("QD-1520-TTg.pdf", download.SuggestedFilename);
        Assert.StartsWith("%PDF", await File.ReadAllTextAsync((await download.PathAsync())!));

        await action.GetByLabel(L("Quyết định *", "Decision *"), new() { Exact = true }).SelectOptionAsync("Approved");
        await action.GetByLabel(L("Số văn bản *", "Document number *"), new() { Exact = true }).FillAsync("1520/TTg-QHQT");
        await action.GetByLabel(L("Điều kiện (khi phê duyệt)", "Conditions (when approved)"), new() { Exact = true }).FillAsync("Báo cáo Bộ Nội vụ hằng năm");
        await DeskActions.SubmitAsync(action, title);
        await Expect(committee.GetByRole(AriaRole.Status).Filter(new() { HasText = L("Đã thực hiện", "Done") })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(committee.GetByText(L("Thủ tướng Chính phủ đã phê duyệt", "Approved by the Prime Minister")).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // Once the decision is recorded its document stays, and is no longer replaced.
        await Expect(link).ToBeVisibleAsync();
        await Expect(document.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        using var monitoring = await system.ClientAsync("Monitoring", "monitoring.officer");
        var started = false;
        for (var i = 0; i < 100 && !started; i++, await Task.Delay(300))
            started = (await monitoring.GetAsync($"/projects/{id}")).IsSuccessStatusCode;
        Assert.True(started, "the approved project is monitored");
    }

    /// <summary>A religion-related dossier taken through intake, security and appraisal, then forwarded, through the APIs.</summary>
    private async Task<(Guid Id, string Receipt)> ForwardedAsync()
    {
        var ngoId = await Seed.RegisterNgoAsync(system);
        var today = Seed.VietnamToday.ToString("yyyy-MM-dd");
        using var ngo = await system.ClientAsync("Registration", "ngo-staff", ngoId);
        var submitted = await Ok(await ngo.PostAsJsonAsync("/dossiers", Seed.ProjectDossier("Trùng tu cơ sở thờ tự", new[] { "Religion" })));
        var id = submitted.GetProperty("dossierId").GetGuid();
        var receipt = submitted.GetProperty("receiptCode").GetString()!;
        await Seed.UploadAsync(system, ngoId, id, Seed.ProjectDocuments);
        using (var intake = await system.ClientAsync("Registration", "intake.officer"))
            await Ok(await intake.PostAsync($"/dossiers/{id}/accept", null));
        using var security = await system.ClientAsync("Security", "security.officer");
        await UntilAsync("the security review", async () => (await security.GetAsync($"/security-reviews/{id}")).IsSuccessStatusCode);
        await Ok(await security.PostAsJsonAsync($"/security-reviews/{id}/assignments", new { officers = new[] { "security.officer" } }));
        await Ok(await security.PostAsJsonAsync($"/security-reviews/{id}/conclusion", new { verdict = "Cleared" }));
        using var appraiser = await system.ClientAsync("Appraisal", "appraiser");
        await UntilAsync("the appraisal", async () => (await appraiser.GetStringAsync($"/appraisals/{id}")).Contains("\"Appraising\""));
        await Ok(await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests", new { departments = new[] { "Sở Nội vụ" } }));
        await Ok(await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions",
            new { department = "Sở Nội vụ", opinionDate = today, text = "Đề nghị trình Thủ tướng.", stance = "Supports" }));
        await Ok(await appraiser.PostAsJsonAsync($"/appraisals/{id}/report", new { recommendation = "Approve" }));
        using var committee = await system.ClientAsync("Appraisal", "decision.maker");
        await Ok(await committee.PostAsJsonAsync($"/decisions/{id}/forward", new { note = "Kèm báo cáo thẩm định." }));
        return (id, receipt);
    }
}
