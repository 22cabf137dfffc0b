using Aid.Contracts.Monitoring;
using Aid.Domain.Calendar;

namespace Aid.Monitoring.Projects;

/// <summary>
/// The reports an approved project owes, following the calendar periods of Vietnamese aid reporting:
/// <list type="bullet">
/// <item>six-monthly report on January–June, due 15 July of the same year;</item>
/// <item>annual report on the whole calendar year, due 15 January of the next year;</item>
/// <item>final report on the whole project, due <see cref="MonitoringOptions.FinalReportDays"/> calendar days
/// after the planned end date.</item>
/// </list>
/// A periodic report is owed for every period that overlaps the monitored life of the project (from the later of
/// the start date and the decision date, since nothing is reported on before approval, to the end date) and ends
/// by the end date; a period still running at the end date is covered by the final report instead.
/// A due date that falls on a weekend or day off moves to the next working day (Civil Code 2015, art. 148).
/// </summary>
public static class ReportingSchedule
{
    public const string FinalKey = "final";

    public static IReadOnlyList<ScheduledReport> Build(
        DateOnly startDate, DateOnly endDate, DateOnly decisionDate, int finalReportDays, WorkingCalendar calendar)
    {
        var from = startDate > decisionDate ? startDate : decisionDate;
        var reports = new List<ScheduledReport>();
        for (var year = from.Year; year <= endDate.Year; year++)
        {
            Add(reports, $"{year}-H1", ReportKind.SixMonthly, new DateOnly(year, 1, 1), new DateOnly(year, 6, 30), new DateOnly(year, 7, 15));
            Add(reports, $"{year}", ReportKind.Annual, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new DateOnly(year + 1, 1, 15));
        }
        reports.Add(new ScheduledReport(FinalKey, ReportKind.Final, startDate, endDate, endDate.AddDays(finalReportDays)));
        return reports.Select(r => r with { DueDate = NextWorkingDay(r.DueDate, calendar) }).OrderBy(r => r.DueDate).ToList();

        void Add(List<ScheduledReport> list, string key, ReportKind kind, DateOnly periodStart, DateOnly periodEnd, DateOnly due)
        {
            if (periodEnd >= from && periodStart <= endDate && periodEnd <= endDate)
                list.Add(new ScheduledReport(key, kind, periodStart, periodEnd, due));
        }
    }

    private static DateOnly NextWorkingDay(DateOnly day, WorkingCalendar calendar)
    {
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }
}
