namespace Aid.Monitoring.Iati;

public sealed record BudgetPeriod(DateOnly Start, DateOnly End, decimal Amount);

/// <summary>
/// IATI wants each budget to cover a year at most. The approved amount over the project's period is split into
/// consecutive periods of one year from the start date (the last one shorter), in proportion to their days, rounded
/// to whole units of the currency; the rounding rest goes to the last period, so the periods add up to the amount.
/// </summary>
public static class AnnualBudgets
{
    public static IReadOnlyList<BudgetPeriod> Split(DateOnly start, DateOnly end, decimal amount)
    {
        if (end < start)
            return [];
        var periods = new List<(DateOnly Start, DateOnly End)>();
        for (var from = start; from <= end; from = from.AddYears(1))
        {
            var to = from.AddYears(1).AddDays(-1);
            periods.Add((from, to < end ? to : end));
        }
        decimal totalDays = end.DayNumber - start.DayNumber + 1;
        var split = periods.Select(p => new BudgetPeriod(p.Start, p.End,
            Math.Round(amount * (p.End.DayNumber - p.Start.DayNumber + 1) / totalDays, 0, MidpointRounding.AwayFromZero))).ToList();
        split[^1] = split[^1] with { Amount = amount - split.Take(split.Count - 1).Sum(p => p.Amount) };
        return split;
    }
}
