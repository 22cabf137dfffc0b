using ScottPlot;

namespace Aid.Monitoring.Reporting;

/// <summary>The report's charts as PNG images (ScottPlot, drawn with SkiaSharp), captioned in Vietnamese.</summary>
public static class ReportCharts
{
    public const int Width = 800;
    public const int Height = 420;

    public sealed record Chart(string Caption, byte[] Png);

    public static IReadOnlyList<Chart> Of(ProvinceReport r) =>
    [
        new("Viện trợ cam kết theo lĩnh vực (tỷ VND)",
            Bars(r.Committed.BySector.Select(s => (s.Key, (double)(s.Vnd / 1_000_000_000m))).ToList(), "Tỷ VND")),
        new("Tỷ lệ hồ sơ xử lý đúng hạn theo cơ quan (%)",
            Bars(r.Stages.Select(s => (s.AgencyVi, (double)((s.OnTimeRate ?? 0m) * 100m))).ToList(), "%")),
        new($"Hồ sơ năm {r.Year} so với năm {r.Comparison.PreviousYear}",
            Compare(r.Comparison, r.Year)),
        .. (r.Quality is { } q
            ? [new Chart("Điểm chất lượng phục vụ theo cơ quan (trên 100)", Bars(q.Agencies.Select(a => (a.NameVi, (double)a.Score)).ToList(), "Điểm"))]
            : Array.Empty<Chart>()),
    ];

    private static byte[] Bars(IReadOnlyList<(string Label, double Value)> bars, string unit)
    {
        var plot = new Plot();
        if (bars.Count == 0)
            plot.Add.Annotation("Không có số liệu");
        else
        {
            plot.Add.Bars(bars.Select(b => b.Value).ToArray());
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray(), bars.Select(b => b.Label).ToArray());
        }
        plot.Axes.Left.Label.Text = unit;
        plot.Axes.Margins(bottom: 0);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static byte[] Compare(YearComparison comparison, int year)
    {
        var plot = new Plot();
        string[] labels = ["Tiếp nhận", "Phê duyệt", "Không phê duyệt", "Rút", "Chuyển TTg"];
        double[] Of(Headline h) => [h.DossiersReceived, h.Approved, h.Refused, h.Withdrawn, h.Forwarded];
        var current = Of(comparison.Current);
        var previous = Of(comparison.Previous);
        var bars = new List<Bar>();
        for (var i = 0; i < labels.Length; i++)
        {
            bars.Add(new Bar { Position = i * 3, Value = previous[i], FillColor = Colors.Gray });
            bars.Add(new Bar { Position = i * 3 + 1, Value = current[i], FillColor = Colors.SteelBlue });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Length).Select(i => i * 3 + 0.5).ToArray(), labels);
        plot.Legend.IsVisible = true;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"Năm {comparison.PreviousYear}", FillColor = Colors.Gray });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"Năm {year}", FillColor = Colors.SteelBlue });
        plot.Axes.Margins(bottom: 0);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
