using System.Globalization;
using Aid.Contracts.Appraisal;
using Aid.Monitoring.Reporting;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>The report's figures computed straight from the scripted year, without the service's code.</summary>
public sealed class ExpectedReport(ProvinceYear year, int reportYear)
{
    private bool In(DateOnly day) => ProvinceYear.InPeriod(day, reportYear);
    private DateOnly End => new(reportYear, 12, 31);
    private DateOnly Start => new(reportYear, 1, 1);

    public IReadOnlyList<ScriptedNgo> ActiveNgos => year.Ngos
        .Where(n => n.RegisteredOn <= End && (n.SuspendedOn is null || n.SuspendedOn > End) && n.CertificateFrom <= End && n.CertificateTo >= Start)
        .ToList();

    public int Received => year.Dossiers.Count(d => In(d.Received));
    public int Decided(DecisionOutcome outcome) => year.Dossiers.Count(d => d.Outcome == outcome && In(d.Decided!.Value));
    public int Withdrawn => year.Dossiers.Count(d => d.Withdrawn is { } w && In(w));

    public IReadOnlyList<ScriptedDossier> Approvals => year.Dossiers.Where(d => d.Approved && In(d.Decided!.Value)).ToList();
    public IReadOnlyList<ScriptedTranche> Tranches => year.Tranches.Where(t => In(t.On)).ToList();
    public IReadOnlyList<ScriptedInspection> Inspections => year.Inspections.Where(i => In(i.On)).ToList();

    public decimal CommittedVnd => Approvals.Sum(d => d.AmountVnd);
    public decimal ReceivedVnd => Tranches.Sum(t => t.Vnd ?? 0m);

    public static string Money(decimal amount) => amount.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Line(AidGroup g) =>
        $"{g.Key}|{g.Projects}|{string.Join(",", g.Original.Select(o => $"{Money(o.Amount)} {o.Currency}"))}|{Money(g.Vnd)}|{g.Unconverted}";

    public IReadOnlyList<string> CommittedBy(Func<ScriptedDossier, string> key) =>
        Approvals.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}|{g.Count()}|{string.Join(",", g.GroupBy(d => d.Currency, StringComparer.Ordinal).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{Money(c.Sum(d => d.Amount))} {c.Key}"))}|{Money(g.Sum(d => d.AmountVnd))}|0")
            .ToList();

    public IReadOnlyList<string> ReceivedBy(Func<ScriptedDossier, string> key) =>
        Tranches.GroupBy(t => key(t.Dossier), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}|{g.Select(t => t.Dossier.Id).Distinct().Count()}|{string.Join(",", g.GroupBy(t => t.Currency, StringComparer.Ordinal).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{Money(c.Sum(t => t.Amount))} {c.Key}"))}|{Money(g.Sum(t => t.Vnd ?? 0m))}|{g.Count(t => t.Vnd is null)}")
            .ToList();

    /// <summary>Stage: (count, mean working days, on time, late, unknown).</summary>
    public (int Count, decimal? Mean, int OnTime, int Late, int Unknown) Stage(string stage)
    {
        var ended = stage switch
        {
            "intake" => year.Dossiers.Where(d => d.Accepted is { } a && In(a)).Select(d => (d.IntakeDays, d.IntakeOnTime)),
            "security" => year.Dossiers.Where(d => d.SecurityConcluded is { } s && In(s)).Select(d => (d.SecurityDays, d.SecurityOnTime)),
            "appraisal" => year.Dossiers.Where(d => d.AppraisalIssued is { } s && In(s)).Select(d => (d.AppraisalDays, d.AppraisalOnTime)),
            _ => year.Dossiers.Where(d => d.Decided is { } s && In(s)).Select(d => (d.DecisionDays, d.DecisionOnTime)),
        };
        var list = ended.ToList();
        var timed = list.Where(e => e.Item1 is not null).Select(e => (decimal)e.Item1!.Value).ToList();
        return (list.Count, timed.Count == 0 ? null : Math.Round(timed.Average(), 2, MidpointRounding.AwayFromZero),
            list.Count(e => e.Item2 == true), list.Count(e => e.Item2 == false), list.Count(e => e.Item2 is null));
    }
}
