using Aid.Contracts.Monitoring;
using System.Globalization;

namespace Aid.Monitoring.Reporting;

public enum ProvinceReportKind { Annual, SixMonthly }

/// <summary>
/// What a report covers. Two clocks, on purpose: the <b>cut-off</b> is an instant of Monitoring's store time (when a
/// fact was recorded here) and decides WHETHER a fact is known to the report; the <b>period</b> is a range of
/// business dates (receipt date, decision date, received on...) and decides WHERE a known fact is counted. Store
/// time alone makes a report reproducible: a fact recorded after the cut-off (even one back-dated into the period)
/// can never change a report already issued, so regenerating it later gives the same figures. Business dates alone
/// would let any late or back-dated entry rewrite a report sent to the province.
/// </summary>
public sealed record ReportPeriod(ProvinceReportKind Kind, int Year, DateOnly Start, DateOnly End, DateOnly DueDate, DateTimeOffset CutOff)
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public string Key => $"{Kind.ToString().ToLowerInvariant()}-{Year}";

    public static ReportPeriod For(ProvinceReportKind kind, int year, ProvincePreset preset)
    {
        var start = MonthDay(preset.AnnualPeriodEnd, year - 1).AddDays(1);
        var (end, due) = kind == ProvinceReportKind.Annual
            ? (MonthDay(preset.AnnualPeriodEnd, year), MonthDay(preset.AnnualDue, year))
            : (MonthDay(preset.SixMonthlyPeriodEnd, year), MonthDay(preset.SixMonthlyDue, year));
        return new ReportPeriod(kind, year, start, end, due, EndOfDay(end));
    }

    /// <summary>The last instant of a Vietnam calendar day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), VietnamOffset).AddDays(1).AddTicks(-10);


    public ReportPeriod PreviousYear() => this with { Year = Year - 1, Start = Start.AddYears(-1), End = End.AddYears(-1) };

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    private static DateOnly MonthDay(string monthDay, int year)
    {
        var parsed = DateOnly.ParseExact($"{year:0000}-{monthDay}", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return parsed;
    }
}
