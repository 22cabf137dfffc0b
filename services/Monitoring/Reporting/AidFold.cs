namespace Aid.Monitoring.Reporting;

public sealed record AidLabels(string Sector, string Commune, string DonorCountry, string AidKind);

/// <summary>One amount of aid (an approval or a tranche) of a dossier, on a business date.</summary>
public sealed record AidItem(Guid DossierId, AidLabels Labels, DateOnly On, string Currency, decimal Amount, decimal? Vnd);

/// <summary>Groups amounts of aid: the period's by sector, commune, donor country and aid kind; every year's up to the period's end by year.</summary>
public static class AidFold
{
    public static AidBreakdown Breakdown(IReadOnlyList<AidItem> upToEnd, ReportPeriod period)
    {
        var inPeriod = upToEnd.Where(i => period.Contains(i.On)).ToList();
        return new AidBreakdown(
            inPeriod.Sum(i => i.Vnd ?? 0m),
            Original(inPeriod),
            Groups(inPeriod, i => i.Labels.Sector),
            Groups(inPeriod, i => i.Labels.Commune),
            Groups(inPeriod, i => i.Labels.DonorCountry),
            Groups(inPeriod, i => i.Labels.AidKind),
            Groups(upToEnd, i => i.On.Year.ToString("0000")));
    }

    private static IReadOnlyList<AidGroup> Groups(IEnumerable<AidItem> items, Func<AidItem, string> key) =>
        items.GroupBy(key, StringComparer.Ordinal)
            .Select(g => new AidGroup(g.Key, g.Select(i => i.DossierId).Distinct().Count(), Original(g),
                g.Sum(i => i.Vnd ?? 0m), g.Count(i => i.Vnd is null)))
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();

    private static IReadOnlyList<CurrencyAmount> Original(IEnumerable<AidItem> items) =>
        items.GroupBy(i => i.Currency, StringComparer.Ordinal)
            .Select(g => new CurrencyAmount(g.Key, g.Sum(i => i.Amount)))
            .OrderBy(c => c.Currency, StringComparer.Ordinal).ToList();
}
