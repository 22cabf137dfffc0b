using System.Globalization;
using System.Net;
using Aid.Monitoring.Reporting;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wp = DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>GET /province-reports/annual/{year}/xlsx and /docx: opened with the OpenXML SDK, holding the report's figures.</summary>
public sealed class ReportExportTests(ProvinceYearSystem system) : IClassFixture<ProvinceYearSystem>
{
    private readonly ExpectedReport expected = new(system.Year, 2026);
    private string At => ProvinceYearDriver.Base.Replace("?", "/{0}?") + ProvinceYearDriver.CutOffQuery(system.CutOff);

    private async Task<byte[]> Download(string format, string contentType)
    {
        var response = await system.Driver.Compiler.GetAsync(string.Format(CultureInfo.InvariantCulture, At, format));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("false", response.Headers.GetValues("X-Report-Provisional").Single());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Dictionary<string, List<List<string>>> Sheets(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!, s =>
            ((WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList());
    }

    [Fact]
    public async Task The_workbook_holds_every_table_with_the_report_figures()
    {
        var sheets = Sheets(await Download("xlsx", XlsxExport.ContentType));
        var report = await system.Driver.Report(ProvinceYearDriver.CutOffQuery(system.CutOff));
        Assert.Equal(ReportTables.Of(report).Select(t => t.Sheet), sheets.Keys);

        var summary = sheets["Tong hop"];
        string Figure(string label, int column) => summary.Single(r => r[0].StartsWith(label, StringComparison.Ordinal))[column];
        Assert.Equal(expected.Received.ToString(CultureInfo.InvariantCulture), Figure("Hồ sơ tiếp nhận", 1));
        Assert.Equal(ExpectedReport.Money(expected.CommittedVnd), Figure("Cam kết (VND)", 1));
        Assert.Equal(ExpectedReport.Money(expected.ReceivedVnd), Figure("Tiếp nhận (VND)", 1));
        Assert.Equal(ExpectedReport.Money(new ExpectedReport(system.Year, 2025).CommittedVnd), Figure("Cam kết (VND)", 2));

        // Aid committed by sector: one row per sector after the title and header rows, VND in the fourth column.
        Assert.Equal(expected.CommittedBy(d => d.Sector).Select(l => l.Split('|')).Select(p => $"{p[0]}={p[3]}"),
            sheets["Cam ket linh vuc"].Skip(2).Select(r => $"{r[0]}={r[3]}"));
        var d = report.Dossiers;
        Assert.Equal(new[] { expected.Received, d.Approved, d.Refused, d.Withdrawn, d.Forwarded }.Select(n => n.ToString(CultureInfo.InvariantCulture)), sheets["Ho so"][2]);
        Assert.Equal(report.Stages.Select(s => $"{s.Stage}:{s.Count}:{s.OnTime}"), sheets["Xu ly"].Skip(2).Select(r => $"{r[0]}:{r[2]}:{r[4]}"));
        Assert.Equal(report.ApprovalsNotStarted.Select(n => n.ReceiptCode), sheets["Chua trien khai"].Skip(2).Select(r => r[0]));
    }

    [Fact]
    public async Task The_document_tells_the_figures_in_vietnamese_with_tables_and_charts()
    {
        var docx = await Download("docx", DocxExport.ContentType);
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart!;
        var text = string.Join("\n", main.Document.Body!.Elements<Wp.Paragraph>().Select(p => p.InnerText));
        var vi = CultureInfo.GetCultureInfo("vi-VN");

        Assert.Contains("BÁO CÁO NĂM 2026 VỀ CÔNG TÁC TỔ CHỨC PHI CHÍNH PHỦ NƯỚC NGOÀI — TỈNH ĐỒNG NAI", text);
        Assert.Contains($"Sở Ngoại vụ tiếp nhận {expected.Received} hồ sơ; UBND tỉnh phê duyệt 2 hồ sơ, không phê duyệt 1 hồ sơ, chuyển Thủ tướng Chính phủ 1 hồ sơ; 1 hồ sơ", text);
        Assert.Contains($"tổng giá trị cam kết {expected.CommittedVnd.ToString("#,0", vi)} VND", text);
        Assert.Contains($"đã tiếp nhận {expected.ReceivedVnd.ToString("#,0", vi)} VND", text);
        Assert.Contains($"có {expected.ActiveNgos.Count} tổ chức phi chính phủ nước ngoài hoạt động", text);
        Assert.Contains("chưa triển khai sau 6 tháng", text);
        Assert.Contains("Chỉ số chất lượng phục vụ (Quyết định 766/QĐ-TTg): toàn tỉnh đạt", text);
        Assert.Contains("9. Thực hiện kế hoạch: 2 nhiệm vụ, đã hoàn thành 1; cơ quan chậm tiến độ: Công an tỉnh, Sở Y tế.", text);
        Assert.Contains($"Sở Tài chính (Rà soát hoạt động của các tổ chức PCPNN): {ProvinceYear.FinanceContribution}", text);

        var report = await system.Driver.Report(ProvinceYearDriver.CutOffQuery(system.CutOff));
        Assert.Equal(ReportTables.Of(report).Count, main.Document.Body.Elements<Wp.Table>().Count());
        var firstCells = main.Document.Body.Elements<Wp.Table>().Select(t => t.Elements<Wp.TableRow>().Skip(1).FirstOrDefault()?.InnerText).ToList();
        Assert.Contains(firstCells, c => c is not null && c.Contains("Giáo dục", StringComparison.Ordinal) && c.Contains("850.000.000", StringComparison.Ordinal));

        var images = main.ImageParts.ToList();
        Assert.Equal(4, images.Count);
        foreach (var image in images)
        {
            using var png = image.GetStream();
            var signature = new byte[8];
            Assert.Equal(8, png.Read(signature));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
            Assert.True(png.Length > 5_000, "a chart with content, not an empty image");
        }
    }
}
