using Aid.Contracts.Monitoring;
using System.Globalization;
using A = DocumentFormat.OpenXml.Drawing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Aid.Monitoring.Reporting;

/// <summary>The narrative report in Vietnamese, with every table and the charts (PNG images).</summary>
public static class DocxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Write(ProvinceReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Paragraph(Title(report), bold: true, size: 32));
            foreach (var line in ReportNarrative.Paragraphs(report))
                body.Append(Paragraph(line));

            uint imageId = 1;
            foreach (var chart in ReportCharts.Of(report))
            {
                body.Append(Paragraph(chart.Caption, bold: true));
                body.Append(Image(main, chart.Png, imageId++));
            }
            foreach (var table in ReportTables.Of(report))
            {
                body.Append(Paragraph(table.TitleVi, bold: true));
                body.Append(Table(table));
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static string Title(ProvinceReport r) =>
        $"BÁO CÁO {(r.Kind == ProvinceReportKind.Annual ? "NĂM" : "SÁU THÁNG")} {r.Year} VỀ CÔNG TÁC TỔ CHỨC PHI CHÍNH PHỦ NƯỚC NGOÀI — TỈNH {r.ProvinceVi.ToUpper(Vi)}";

    private static Paragraph Paragraph(string text, bool bold = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (size is { } s) properties.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table Table(ReportTable table)
    {
        var result = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        result.Append(Row(table.Headers.Cast<object?>().ToList(), bold: true));
        foreach (var row in table.Rows)
            result.Append(Row(row, bold: false));
        return result;
    }

    private static TableRow Row(IReadOnlyList<object?> cells, bool bold) =>
        new(cells.Select(c => new TableCell(Paragraph(Format(c), bold))));

    /// <summary>Numbers in Vietnamese style (1.234.567,5), dates dd/MM/yyyy.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        int i => i.ToString("#,0", Vi),
        decimal d => d.ToString("#,0.####", Vi),
        DateOnly day => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static Paragraph Image(MainDocumentPart main, byte[] png, uint id)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png))
            part.FeedData(data);
        var relationship = main.GetIdOfPart(part);
        const long emuPerPixel = 9525;
        long cx = ReportCharts.Width * emuPerPixel * 3 / 4, cy = ReportCharts.Height * emuPerPixel * 3 / 4;
        var name = $"chart{id}.png";
        var inline = new Dw.Inline(
            new Dw.Extent { Cx = cx, Cy = cy },
            new Dw.DocProperties { Id = id, Name = name },
            new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0U, Name = name }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new Paragraph(new Run(new Drawing(inline)));
    }
}
