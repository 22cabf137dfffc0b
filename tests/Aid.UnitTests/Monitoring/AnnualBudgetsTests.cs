using Aid.Monitoring.Iati;
using Xunit;

namespace Aid.UnitTests.Monitoring;

/// <summary>The approved amount as IATI budgets of a year at most, adding up to the amount.</summary>
public sealed class AnnualBudgetsTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso);

    [Fact]
    public void A_project_within_a_year_has_one_budget_of_the_whole_amount()
    {
        var budget = Assert.Single(AnnualBudgets.Split(D("2026-03-01"), D("2026-12-31"), 100_000m));
        Assert.Equal((D("2026-03-01"), D("2026-12-31"), 100_000m), (budget.Start, budget.End, budget.Amount));
    }

    [Fact]
    public void A_project_of_two_and_a_half_years_has_three_consecutive_budgets_in_proportion_to_their_days()
    {
        var budgets = AnnualBudgets.Split(D("2026-07-01"), D("2028-12-31"), 1_000_000m);

        Assert.Equal([(D("2026-07-01"), D("2027-06-30")), (D("2027-07-01"), D("2028-06-30")), (D("2028-07-01"), D("2028-12-31"))],
            budgets.Select(b => (b.Start, b.End)));
        // 365, 366 and 184 days of 915.
        Assert.Equal([398_907m, 400_000m, 201_093m], budgets.Select(b => b.Amount));
        Assert.Equal(1_000_000m, budgets.Sum(b => b.Amount));
    }

    [Fact]
    public void Exactly_one_year_is_one_budget_and_the_rounding_rest_goes_to_the_last_period()
    {
        Assert.Single(AnnualBudgets.Split(D("2027-01-01"), D("2027-12-31"), 5m));

        var budgets = AnnualBudgets.Split(D("2027-01-01"), D("2029-12-31"), 100m);
        Assert.Equal([33m, 33m, 34m], budgets.Select(b => b.Amount));
    }

    [Fact]
    public void An_end_before_the_start_has_no_budget() =>
        Assert.Empty(AnnualBudgets.Split(D("2027-01-02"), D("2027-01-01"), 100m));
}
