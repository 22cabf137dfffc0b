using System.Globalization;
using Aid.Portal.Forms;
using Xunit;

namespace Aid.UnitTests.WebPortal.Forms;

/// <summary>Amounts, rates and percentages read the way each language writes them; what could mean two numbers is refused.</summary>
public sealed class NumberEntryTests
{
    private static readonly CultureInfo Vi = new("vi-VN");
    private static readonly CultureInfo En = new("en-GB");

    [Theory]
    [InlineData("40.000", 40000)]
    [InlineData("25.400", 25400)]
    [InlineData("50.000.000", 50000000)]
    [InlineData("40.000,5", 40000.5)]
    [InlineData("1.016.000.000", 1016000000)]
    [InlineData("40000", 40000)]
    [InlineData("40000,25", 40000.25)]
    [InlineData("25,4", 25.4)]
    [InlineData("0,125", 0.125)]
    [InlineData("1234,567", 1234.567)]
    [InlineData("40 000", 40000)]
    [InlineData(" 40.000 ", 40000)]
    [InlineData("0", 0)]
    public void Vietnamese_reads_points_as_thousands_and_the_comma_as_decimals(string typed, double expected) =>
        Assert.Equal((decimal)expected, NumberEntry.Read(typed, Vi).Value);

    [Theory]
    [InlineData("40,000", 40000)]
    [InlineData("25,400", 25400)]
    [InlineData("50,000,000", 50000000)]
    [InlineData("40,000.5", 40000.5)]
    [InlineData("40000", 40000)]
    [InlineData("25.4", 25.4)]
    [InlineData("0.125", 0.125)]
    [InlineData("40 000", 40000)]
    public void English_reads_commas_as_thousands_and_the_point_as_decimals(string typed, double expected) =>
        Assert.Equal((decimal)expected, NumberEntry.Read(typed, En).Value);

    [Theory]
    [InlineData("40,000", "40.000")]   // 40 or forty thousand written the English way?
    [InlineData("25,400", "25.400")]
    public void Vietnamese_refuses_a_comma_before_three_digits_and_says_how_to_write_it(string typed, string hint)
    {
        var reading = NumberEntry.Read(typed, Vi);
        Assert.Null(reading.Value);
        Assert.Contains(hint, reading.Error);
        Assert.Contains("nghìn", reading.Error);
    }

    [Theory]
    [InlineData("40.000", "40,000")]
    [InlineData("25.400", "25,400")]
    public void English_refuses_a_point_before_three_digits_and_says_how_to_write_it(string typed, string hint)
    {
        var reading = NumberEntry.Read(typed, En);
        Assert.Null(reading.Value);
        Assert.Contains(hint, reading.Error);
        Assert.Contains("thousand", reading.Error);
    }

    [Theory]
    [InlineData("40,000.5")]   // the English way on a Vietnamese page
    [InlineData("25.4")]       // a point that does not group three digits
    [InlineData("4.00.000")]
    [InlineData("1,5,5")]
    [InlineData("1 5")]
    [InlineData("40.000 USD")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("")]
    [InlineData("40.")]
    [InlineData(",5")]
    public void Vietnamese_refuses_what_it_cannot_read_for_sure(string typed)
    {
        var reading = NumberEntry.Read(typed, Vi);
        Assert.Null(reading.Value);
        Assert.False(string.IsNullOrWhiteSpace(reading.Error));
    }

    [Theory]
    [InlineData("40.000,5")]
    [InlineData("1,5")]
    [InlineData("25,4")]
    [InlineData("1.5.5")]
    public void English_refuses_what_it_cannot_read_for_sure(string typed)
    {
        var reading = NumberEntry.Read(typed, En);
        Assert.Null(reading.Value);
        Assert.Contains("40,000.5", reading.Error);
    }

    [Theory]
    [InlineData("45%", 45)]
    [InlineData("12,5", 12.5)]
    [InlineData("100", 100)]
    public void Percentages_accept_a_percent_sign_and_stop_at_100(string typed, double expected)
    {
        Assert.Equal((decimal)expected, NumberEntry.Read(typed, Vi, percent: true).Value);
        Assert.Null(NumberEntry.Read("100,5", Vi, percent: true).Value);
    }

    [Theory]
    [InlineData("vi-VN")]
    [InlineData("en-GB")]
    public void What_is_written_reads_back_as_the_same_value(string culture)
    {
        var c = new CultureInfo(culture);
        foreach (var value in new[] { 0m, 7m, 999.5m, 40_000m, 1_016_000_000.25m, 123_456_789.125m })
            Assert.Equal(value, NumberEntry.Read(NumberEntry.Format(value, c), c).Value);
    }
}
