using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aid.PortalTests.Infrastructure;
using Microsoft.Playwright;
using QRCoder;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Aid.PortalTests.Journeys;

/// <summary>
/// The printed receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả) of a submitted dossier and the public lookup its QR
/// code opens, in Vietnamese and English, at 1280 and 375 px: national heading, configured province, QR code of the
/// lookup address, documents received, dates as each language writes them, the stages with due dates, and a
/// message beside the field for an empty or malformed code. Nothing may be wider than the screen.
/// </summary>
public sealed class ReceiptAndLookupPagesTests(RunningSystem system, Browser browser) : IClassFixture<RunningSystem>, IClassFixture<Browser>
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static TheoryData<string, int> LanguagesAndWidths => new()
    {
        { "vi", Browser.Desktop }, { "vi", Browser.Phone }, { "en", Browser.Desktop }, { "en", Browser.Phone },
    };

    /// <summary>The province the Registration service is configured with (what the receipt must print).</summary>
    private static readonly string Province = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(RunningSystem.RepositoryRoot, "services", "Registration", "appsettings.json")))
        .RootElement.GetProperty("Province").GetProperty("Name").GetString()!;

    [Theory]
    [MemberData(nameof(LanguagesAndWidths))]
    public async Task The_receipt_prints_the_heading_province_QR_code_documents_and_appointment(string language, int width)
    {
        var dossier = await SubmitAsync();
        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", dossier.NgoId);
        await ngo.SetViewportSizeAsync(width, 900);
        await OpenAsync(ngo, language, $"/ngo/dossiers/{dossier.Id}/receipt");
        var en = language == "en";
        var receipt = ngo.Locator("section.receipt");

        await Expect(receipt.Locator(".national-name")).ToHaveTextAsync("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        await Expect(receipt.Locator(".national-motto")).ToHaveTextAsync("Độc lập - Tự do - Hạnh phúc");
        await Expect(receipt.Locator(".issuer-province")).ToHaveTextAsync($"UBND TỈNH {Province.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}");
        await Expect(receipt.Locator(".issuer-agency")).ToHaveTextAsync("SỞ NGOẠI VỤ");
        await Expect(receipt.Locator(".agency-line")).ToContainTextAsync($"UBND tỉnh {Province}");
        Assert.DoesNotMatch(@"tỉnh\s*[—–-]|Tỉnh\s*[—–-]", await receipt.InnerTextAsync());
        await Expect(receipt.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(
            en ? "Receipt of the dossier and appointment for the result" : "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
        await Expect(receipt.Locator(".receipt-code")).ToHaveTextAsync(dossier.Code);

        // The QR code: QRCoder's drawing of the public lookup address of this code, and the image decodes.
        var lookupUrl = system.Portal.ToString().TrimEnd('/') + "/lookup?code=" + dossier.Code;
        var qr = receipt.Locator(".receipt-qr img");
        await Expect(qr).ToHaveAttributeAsync("data-lookup-url", lookupUrl);
        await Expect(qr).ToHaveAttributeAsync("src", QrDataUri(lookupUrl));
        await Expect(qr).ToHaveAttributeAsync("alt", new Regex(Regex.Escape(lookupUrl)));
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR image does not load");

        var documents = receipt.Locator(".received-documents li");
        await Expect(documents).ToHaveCountAsync(2);
        await Expect(documents.Locator(".document-kind")).ToHaveTextAsync(
            en ? ["Project document", "Donor's commitment letter"] : ["Văn kiện dự án", "Thư cam kết của nhà tài trợ"]);
        await Expect(documents.Locator(".document-name")).ToHaveTextAsync(["ProjectDocument.pdf", "CommitmentLetter.pdf"]);

        await Expect(receipt.Locator(".appointment-date")).ToHaveTextAsync(Day(dossier.AppointmentDate, en));
        await Expect(receipt.Locator(".receipt-date")).ToHaveTextAsync(Day(dossier.ReceiptDate, en));
        await Expect(receipt.Locator(".receiving-officer")).ToHaveTextAsync(
            en ? "Received online (no officer has checked it yet)" : "Tiếp nhận trực tuyến (chưa có cán bộ kiểm tra hồ sơ)");
        await ExpectNoOverflowAsync(ngo, $"receipt {language} {width}");
        if (width == Browser.Desktop)
            await Browser.CheckAsync(ngo, $"receipt-{language}");
    }

    [Fact]
    public async Task Once_accepted_the_receipt_names_the_intake_officer_and_prints_on_A4()
    {
        var dossier = await SubmitAsync();
        await system.SendAsync("intake.officer", HttpMethod.Post, $"/dossiers/{dossier.Id}/accept");
        var ngo = await browser.SignedInAsync(system.Portal, "ngo-staff", dossier.NgoId);
        await ngo.GotoAsync($"/ngo/dossiers/{dossier.Id}/receipt");

        await Expect(ngo.Locator(".receipt .receiving-officer")).ToHaveTextAsync("Nguyễn Văn An (Sở Ngoại vụ)");
        await Expect(ngo.Locator(".receipt .signatures")).ToContainTextAsync("Nguyễn Văn An (Sở Ngoại vụ)");
        await ngo.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(ngo.GetByRole(AriaRole.Button, new() { Name = "In biên nhận" })).ToBeHiddenAsync();
        await Expect(ngo.Locator(".receipt .national-name")).ToBeVisibleAsync();
        // A4 is 794 px wide at 96 dpi: the printed page as a picture, and the PDF, beside the screenshots.
        await ngo.SetViewportSizeAsync(794, 1123);
        await ngo.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "receipt-print-a4.png"), FullPage = true });
        await ExpectNoOverflowAsync(ngo, "receipt printed on A4");
        var pdf = await ngo.PdfAsync(new() { PreferCSSPageSize = true, Path = Path.Combine(Browser.ScreenshotFolder, "receipt-a4.pdf") });
        Assert.True(pdf.Length > 1000, "the receipt does not print");
    }

    [Theory]
    [MemberData(nameof(LanguagesAndWidths))]
    public async Task The_QR_code_opens_the_lookup_which_shows_each_stage_with_its_due_date_and_explains_a_wrong_code(string language, int width)
    {
        var dossier = await SubmitAsync();
        await system.SendAsync("intake.officer", HttpMethod.Post, $"/dossiers/{dossier.Id}/accept");
        var expected = await PublicStatusAsync(dossier);
        var en = language == "en";
        var citizen = await browser.NewPageAsync(system.Portal, width);
        await OpenAsync(citizen, language, $"/lookup?code={dossier.Code}");
        await Browser.Interactive(citizen);

        // Empty, then malformed: the message is beside the field, in the page's language; nothing is looked up.
        var code = citizen.Locator("#code");
        var submit = citizen.GetByRole(AriaRole.Button, new() { Name = en ? "Look up" : "Tra cứu", Exact = true });
        await Expect(code).ToHaveValueAsync(dossier.Code);
        await code.FillAsync("");
        await submit.ClickAsync();
        await Expect(citizen.Locator("#code-error")).ToHaveTextAsync(
            en ? "Enter the receipt code printed on the receipt." : "Nhập mã biên nhận in trên giấy biên nhận.");
        await Expect(code).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(code).ToBeFocusedAsync();
        await Expect(citizen.Locator("#secret-error")).ToBeVisibleAsync();
        await ExpectNoOverflowAsync(citizen, $"lookup empty {language} {width}");

        await code.FillAsync("12345-abc");
        await citizen.Locator("#secret").FillAsync(dossier.Secret);
        await submit.ClickAsync();
        await Expect(citizen.Locator("#code-error")).ToContainTextAsync(
            en ? "This is not a receipt code" : "Mã biên nhận không đúng dạng");
        await Expect(citizen.Locator("#secret-error")).ToHaveCountAsync(0);
        await Expect(citizen.Locator(".stage-step")).ToHaveCountAsync(0);
        await ExpectNoOverflowAsync(citizen, $"lookup malformed {language} {width}");

        // The right code: every stage as a step, done / current / to come in words, with agency and due date.
        await code.FillAsync(dossier.Code);
        await submit.ClickAsync();
        var steps = citizen.Locator("ol.stages li.stage-step");
        await Expect(steps).ToHaveCountAsync(4);
        await Expect(citizen.Locator("#code-error")).ToHaveCountAsync(0);
        var stages = expected.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["Done", "Current", "Upcoming", "Upcoming"], stages.Select(s => s.GetProperty("state").GetString()));
        string[] states = en ? ["Done", "In progress", "To come", "To come"] : ["Đã hoàn thành", "Đang giải quyết", "Chưa đến", "Chưa đến"];
        string[] agencies = en
            ? ["Department of Foreign Affairs (Sở Ngoại vụ)", "Provincial Police (Công an tỉnh)", "Department of Finance (Sở Tài chính)",
               "Provincial People's Committee (Ủy ban nhân dân tỉnh)"]
            : ["Sở Ngoại vụ", "Công an tỉnh", "Sở Tài chính", "Ủy ban nhân dân tỉnh"];
        for (var i = 0; i < 4; i++)
        {
            var step = steps.Nth(i);
            await Expect(step).ToHaveAttributeAsync("data-state", stages[i].GetProperty("state").GetString()!);
            await Expect(step.Locator(".step-state")).ToHaveTextAsync(states[i]);
            await Expect(step.Locator(".step-agency")).ToHaveTextAsync(agencies[i]);
            await Expect(step.Locator(".step-name")).ToHaveTextAsync(stages[i].GetProperty("label").GetProperty(language).GetString()!);
            await Expect(step.Locator(".due-date")).ToHaveTextAsync(Day(DateOnly.Parse(stages[i].GetProperty("dueDate").GetString()!), en));
        }
        await Expect(steps.Nth(1)).ToHaveAttributeAsync("aria-current", "step");
        await Expect(steps.Nth(0).Locator(".ended-date")).ToHaveTextAsync(Day(Seed.VietnamToday, en));
        await Expect(steps.Nth(3).Locator(".due-date")).ToHaveTextAsync(Day(dossier.AppointmentDate, en));
        await Expect(citizen.Locator("dd.appointment-date")).ToHaveTextAsync(Day(dossier.AppointmentDate, en));
        await ExpectNoOverflowAsync(citizen, $"lookup {language} {width}");
        if (width == Browser.Desktop)
            await Browser.CheckAsync(citizen, $"lookup-stages-{language}");
    }

    private sealed record Submitted(Guid NgoId, Guid Id, string Code, string Secret, DateOnly ReceiptDate, DateOnly AppointmentDate);

    private static string Day(DateOnly date, bool english) =>
        english ? date.ToString("d MMM yyyy", EnGb) : date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string QrDataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(4)));
    }

    private static async Task OpenAsync(IPage page, string language, string path) =>
        await page.GotoAsync(language == "vi" ? path : $"/culture?c={language}&back={Uri.EscapeDataString(path)}");

    private static async Task ExpectNoOverflowAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        Assert.True(scroll <= client, $"{what}: the page is {scroll}px wide in a {client}px window");
    }

    private async Task<Submitted> SubmitAsync()
    {
        var registered = await system.SendAsync("intake.officer", HttpMethod.Post, "/ngos", new
        {
            profile = new
            {
                nameOwnLanguage = "Fondation Eau Claire", nameEnglish = "Clear Water Foundation", country = "France", headOfficeAddress = "Lyon",
                contact = new { name = "Claire Martin" }, fields = new[] { "Water" }, provinces = new[] { "DNA" },
            },
            certificate = new { kind = "OperationRegistration", number = $"{Random.Shared.Next(100, 999)}/BNG", issueDate = "2024-01-15", expiryDate = "2099-01-15" },
        });
        var ngoId = registered.GetProperty("ngoId").GetGuid();
        var receipt = await system.SendAsync("ngo-staff", HttpMethod.Post, "/dossiers", new
        {
            kind = "Project", title = "Nước sạch cho trường học Tân Phú", aidOwner = "UBND xã Phú Lộc", managingAgency = "Sở Giáo dục và Đào tạo",
            fields = new[] { "Water" }, locations = new[] { "Xã Phú Lộc" },
            budget = new { amount = 40_000m, currency = "USD", exchangeRate = 25_400m },
            startDate = "2027-01-01", endDate = "2027-12-31", objectives = "Nước uống an toàn.", beneficiaries = "4.000 học sinh",
            documents = new[] { "ProjectDocument", "CommitmentLetter" }.Select(k => new { kind = k, name = k + ".pdf", sizeBytes = 1000, sha256 = new string('c', 64) }),
        }, ngoId);
        await Seed.UploadAsync(system, ngoId, receipt.GetProperty("dossierId").GetGuid(), Seed.ProjectDocuments);
        return new Submitted(ngoId, receipt.GetProperty("dossierId").GetGuid(), receipt.GetProperty("receiptCode").GetString()!,
            receipt.GetProperty("lookupSecret").GetString()!, DateOnly.Parse(receipt.GetProperty("receiptDate").GetString()!),
            DateOnly.Parse(receipt.GetProperty("appointmentDate").GetString()!));
    }

    private async Task<JsonElement> PublicStatusAsync(Submitted dossier)
    {
        using var http = new HttpClient { BaseAddress = system.Urls["Registration"] };
        var response = await http.GetAsync($"/public/status?code={dossier.Code}&secret={dossier.Secret}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
