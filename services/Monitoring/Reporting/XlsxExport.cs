using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Aid.Monitoring.Reporting;

/// <summary>The report as a workbook: one sheet per table, a title row, a header row, then the rows; numbers as
/// numbers, dates as yyyy-MM-dd text (read the same in every locale).</summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(ProvinceReport report)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var table in ReportTables.Of(report))
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row([$"{table.TitleVi} / {table.TitleEn}"]));
                data.Append(Row(table.Headers.Cast<object?>().ToList()));
                foreach (var row in table.Rows)
                    data.Append(Row(row));
                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = table.Sheet });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(IReadOnlyList<object?> cells)
    {
        var row = new Row();
        foreach (var value in cells)
            row.Append(Cell(value));
        return row;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        int i => Number(i.ToString(CultureInfo.InvariantCulture)),
        decimal d => Number(d.ToString(CultureInfo.InvariantCulture)),
        DateOnly day => Text(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static Cell Number(string value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value) };

    private static Cell Text(string value) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };
}
