using Aid.Domain.Calendar;
using Xunit;

namespace Aid.UnitTests.Calendar;

/// <summary>Against the shipped calendar of official days off (deploy/reference-data/vn-days-off.csv).</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar =
        WorkingCalendar.FromFile(Path.Combine(AppContext.BaseDirectory, "reference-data", "vn-days-off.csv"));

    [Theory]
    [InlineData("2026-01-01", false)] // New Year's Day
    [InlineData("2026-01-02", false)] // bridge day off, swapped with Saturday 10 January
    [InlineData("2026-01-10", true)]  // the Saturday worked in exchange
    [InlineData("2026-02-18", false)] // Tết
    [InlineData("2026-09-02", false)] // National Day
    [InlineData("2026-11-21", false)] // an ordinary Saturday
    [InlineData("2026-11-23", true)]  // an ordinary Monday
    public void Knows_working_days(string day, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(day)));

    [Fact]
    public void Adds_working_days_across_Tet()
    {
        // Friday 13 Feb 2026 + 3 working days: 16-20 Feb are Tết, so Mon 23, Tue 24, Wed 25.
        Assert.Equal(new DateOnly(2026, 2, 25), Calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 3));
    }

    [Fact]
    public void Counts_the_worked_Saturday()
    {
        // Wednesday 31 Dec 2025 + 2 working days: 1 and 2 Jan are off, Mon 5 Jan, Tue 6 Jan.
        Assert.Equal(new DateOnly(2026, 1, 6), Calendar.AddWorkingDays(new DateOnly(2025, 12, 31), 2));
        // Friday 9 Jan + 1: Saturday 10 Jan is worked.
        Assert.Equal(new DateOnly(2026, 1, 10), Calendar.AddWorkingDays(new DateOnly(2026, 1, 9), 1));
    }

    [Fact]
    public void Counts_working_days_between_two_dates_both_ways()
    {
        Assert.Equal(5, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 27)));
        Assert.Equal(-5, Calendar.WorkingDaysBetween(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public void Reads_the_2027_statutory_days()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2027, 9, 2)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2027, 2, 9)));
    }
}
