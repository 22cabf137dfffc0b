using Aid.Contracts.Monitoring;
using Aid.Monitoring.Projects;
using Aid.Domain.Calendar;
using Xunit;

namespace Aid.UnitTests.Monitoring;

public sealed class ReportingScheduleTests
{
    private static readonly WorkingCalendar Calendar =
        WorkingCalendar.FromFile(Path.Combine(AppContext.BaseDirectory, "reference-data", "vn-days-off.csv"));

    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void Six_monthly_and_annual_reports_for_each_period_then_the_final_report()
    {
        var schedule = ReportingSchedule.Build(D("2026-03-01"), D("2027-12-31"), D("2026-02-10"), 60, Calendar);

        Assert.Equal(["2026-H1", "2026", "2027-H1", "2027", "final"], schedule.Select(r => r.Key));
        Assert.Equal(D("2026-07-15"), schedule[0].DueDate);
        Assert.Equal(ReportKind.SixMonthly, schedule[0].Kind);
        Assert.Equal(D("2027-01-15"), schedule[1].DueDate);
        Assert.Equal(ReportKind.Annual, schedule[1].Kind);
        Assert.Equal(D("2027-07-15"), schedule[2].DueDate);
        // 15 January 2028 is a Saturday: due the next working day.
        Assert.Equal(D("2028-01-17"), schedule[3].DueDate);
        // 31 Dec 2027 + 60 calendar days = 29 Feb 2028 (a Tuesday).
        Assert.Equal(D("2028-02-29"), schedule[4].DueDate);
        Assert.Equal((D("2026-03-01"), D("2027-12-31")), (schedule[4].PeriodStart, schedule[4].PeriodEnd));
    }

    [Fact]
    public void A_period_still_running_at_the_end_date_is_left_to_the_final_report()
    {
        var schedule = ReportingSchedule.Build(D("2026-03-01"), D("2027-03-31"), D("2026-03-01"), 60, Calendar);

        Assert.Equal(["2026-H1", "2026", "final"], schedule.Select(r => r.Key));
    }

    [Fact]
    public void Periods_ended_before_the_approval_owe_nothing()
    {
        // Approved in November: the January–June 2026 period had ended before approval.
        var schedule = ReportingSchedule.Build(D("2026-01-01"), D("2026-12-31"), D("2026-11-23"), 60, Calendar);

        Assert.Equal(["2026", "final"], schedule.Select(r => r.Key));
    }

    [Fact]
    public void A_short_project_owes_only_the_final_report()
    {
        var schedule = ReportingSchedule.Build(D("2026-03-01"), D("2026-05-31"), D("2026-02-20"), 60, Calendar);

        var final = Assert.Single(schedule);
        Assert.Equal(ReportKind.Final, final.Kind);
        Assert.Equal(D("2026-07-30"), final.DueDate);
    }

    [Fact]
    public void A_due_date_on_a_public_holiday_moves_to_the_next_working_day()
    {
        // 60 days after 3 July 2026 is Tuesday 1 September 2026, a National Day holiday (1–2 September).
        var schedule = ReportingSchedule.Build(D("2026-04-01"), D("2026-07-03"), D("2026-04-01"), 60, Calendar);

        Assert.Equal(D("2026-09-03"), schedule.Single(r => r.Key == "final").DueDate);
    }

    [Fact]
    public void The_final_report_delay_is_configurable()
    {
        var schedule = ReportingSchedule.Build(D("2026-03-01"), D("2026-05-31"), D("2026-02-20"), 30, Calendar);

        Assert.Equal(D("2026-06-30"), schedule.Single().DueDate);
    }
}
