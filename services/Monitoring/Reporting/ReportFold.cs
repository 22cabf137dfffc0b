using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.Monitoring.Projects;
using Aid.Domain.Calendar;
using Aid.Domain.Province;

namespace Aid.Monitoring.Reporting;

/// <summary>
/// The province's report as a pure function of the facts recorded up to the cut-off (see <see cref="ReportPeriod"/>
/// for the two clocks). Every list is sorted, amounts are rounded the same way, nothing reads the clock: the same
/// facts give the same report, byte for byte.
/// </summary>
public static class ReportFold
{
    public const string Unspecified = "(chưa rõ / unspecified)";

    public static ProvinceReport Build(ReportPeriod period, ProvincePreset preset, IEnumerable<ReportFact> facts, WorkingCalendar calendar)
    {
        var known = new ReportFacts(facts, period.CutOff);
        var committed = Committed(known, period);
        var received = Received(known, period);
        var inspections = Inspections(known, period);
        var ngos = Ngos(known, period);
        var dossiers = Dossiers(known, period);
        var previous = period.PreviousYear();
        return new ProvinceReport(preset.Code, preset.NameVi, period.Kind, period.Year, period.Start, period.End, period.DueDate,
            period.CutOff, known.Count, ngos, dossiers, committed, received, StageFold.Stages(known, period, calendar), inspections,
            OverdueReports(known, period), NotStarted(known, period), Mobilisation(known, period, committed),
            new YearComparison(previous.Year,
                Headline(ngos, dossiers, committed, received, inspections),
                Headline(Ngos(known, previous), Dossiers(known, previous), Committed(known, previous), Received(known, previous), Inspections(known, previous))),
            PlanTasks(known, period))
        {
            Quality = Quality.QualityFold.Build(known, period.Start, period.End, period.CutOff, calendar),
        };
    }

    private static Headline Headline(NgoFigures n, DossierFigures d, AidBreakdown c, AidBreakdown r, InspectionFigures i) =>
        new(n.Active, d.Received, d.Approved, d.Refused, d.Withdrawn, d.Forwarded, c.TotalVnd, r.TotalVnd, i.Total);

    /// <summary>NGOs whose registry entry, as it stood at the period's end, was active with a certificate valid at some
    /// point of the period.</summary>
    public static NgoFigures Ngos(ReportFacts known, ReportPeriod period)
    {
        var active = known.RegistryChanges.Select(c => c.Entry.NgoId).Distinct()
            .Select(id => known.NgoOn(id, period.End))
            .OfType<NgoRegistryChanged>()
            .Where(e => e.Standing == NgoStanding.Active && e.CertificateIssueDate <= period.End && e.CertificateExpiryDate >= period.Start)
            .ToList();
        return new NgoFigures(active.Count, CountsBy(active, e => e.Country), CountsBy(active, e => e.CertificateKind));
    }

    public static DossierFigures Dossiers(ReportFacts known, ReportPeriod period)
    {
        var decided = known.Decisions.Values.Where(d => period.Contains(d.On)).Select(d => d.Decided.Outcome).ToList();
        return new DossierFigures(
            Received: known.Received.Values.Count(r => period.Contains(r.ReceiptDate)),
            Approved: decided.Count(o => o == DecisionOutcome.Approved),
            Refused: decided.Count(o => o == DecisionOutcome.Refused),
            Withdrawn: known.Withdrawn.Values.Count(w => period.Contains(w.On)),
            Forwarded: decided.Count(o => o == DecisionOutcome.ForwardedToPrimeMinister));
    }

    /// <summary>Aid committed: approvals decided in the period (by year: every approval up to the period's end).</summary>
    public static AidBreakdown Committed(ReportFacts known, ReportPeriod period)
    {
        var approvals = known.Decisions
            .Where(d => d.Value.Decided.Outcome == DecisionOutcome.Approved && d.Value.On <= period.End)
            .Select(d => new AidItem(d.Key, Describe(known, d.Key), d.Value.On,
                d.Value.Decided.Currency ?? (d.Value.Decided.Amount is null ? "VND" : Unspecified),
                d.Value.Decided.Amount ?? d.Value.Decided.AmountVnd ?? 0m, d.Value.Decided.AmountVnd))
            .ToList();
        return AidFold.Breakdown(approvals, period);
    }

    /// <summary>Aid received: tranches recorded as received in the period, in VND as recorded with the tranche (older
    /// tranches: at the approved dossier's own rate).</summary>
    public static AidBreakdown Received(ReportFacts known, ReportPeriod period)
    {
        var tranches = known.Projects
            .SelectMany(p => p.Value.Tranches.Select(t => new AidItem(p.Key, Describe(known, p.Key), t.ReceivedOn, t.Currency, t.Amount,
                t.AmountVnd ?? ToVnd(known, p.Key, t.Amount, t.Currency))))
            .Where(t => t.On <= period.End)
            .ToList();
        return AidFold.Breakdown(tranches, period);
    }

    private static decimal? ToVnd(ReportFacts known, Guid dossierId, decimal amount, string currency) =>
        known.Decisions.TryGetValue(dossierId, out var d)
            ? MonitoredProject.InVnd(amount, currency, d.Decided.Amount, d.Decided.Currency, d.Decided.AmountVnd)
            : MonitoredProject.InVnd(amount, currency, null, null, null);

    /// <summary>Sector, commune, donor country and aid kind of a dossier: the first field and location it names.</summary>
    public static AidLabels Describe(ReportFacts known, Guid dossierId)
    {
        var decided = known.Decisions.TryGetValue(dossierId, out var d) ? d.Decided : null;
        var accepted = known.Accepted.GetValueOrDefault(dossierId);
        var received = known.Received.GetValueOrDefault(dossierId);
        var ngoId = decided?.NgoId ?? accepted?.NgoId ?? received?.NgoId;
        var country = decided?.NgoCountry ?? accepted?.NgoCountry ?? (ngoId is { } id ? known.LatestNgo(id)?.Country : null);
        return new AidLabels(
            First(decided?.Fields) ?? First(accepted?.Fields) ?? First(received?.Fields) ?? Unspecified,
            First(decided?.Locations) ?? First(accepted?.Locations) ?? First(received?.Locations) ?? Unspecified,
            country ?? Unspecified,
            decided?.AidKind ?? accepted?.AidKind ?? received?.AidKind ?? Unspecified);
    }

    private static string? First(IReadOnlyList<string>? values) => values is { Count: > 0 } ? values[0] : null;

    public static InspectionFigures Inspections(ReportFacts known, ReportPeriod period)
    {
        var items = known.Projects.Values
            .SelectMany(p => p.Inspections.Where(i => period.Contains(i.InspectedOn))
                .Select(i => new InspectionLine(p.Started.ReceiptCode, i.InspectedOn, i.Verdict.ToString())))
            .OrderBy(i => i.InspectedOn).ThenBy(i => i.ReceiptCode, StringComparer.Ordinal).ThenBy(i => i.Verdict, StringComparer.Ordinal)
            .ToList();
        return new InspectionFigures(items.Count, CountsBy(items, i => i.Verdict), items);
    }

    /// <summary>Progress reports due before the cut-off day (and by the period's end) that had not been received by the cut-off.</summary>
    public static IReadOnlyList<OverdueReportLine> OverdueReports(ReportFacts known, ReportPeriod period)
    {
        var cutOffDay = period.CutOff.VietnamDate();
        return known.Projects.Values.Where(p => !p.Closed)
            .SelectMany(p => p.Started.Schedule
                .Where(r => r.DueDate < cutOffDay && r.DueDate <= period.End && !p.ReportsReceived.Contains(r.Key))
                .Select(r => new OverdueReportLine(p.Started.ReceiptCode, NgoName(known, p.Started.DossierId, p.Started.NgoId), r.Key, r.DueDate)))
            .OrderBy(r => r.DueDate).ThenBy(r => r.ReceiptCode, StringComparer.Ordinal).ThenBy(r => r.ReportKey, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Approvals whose implementation had to start by a day before the cut-off (and by the period's end) and did not.</summary>
    public static IReadOnlyList<NotStartedLine> NotStarted(ReportFacts known, ReportPeriod period)
    {
        var cutOffDay = period.CutOff.VietnamDate();
        return known.Projects.Values
            .Where(p => p.Started.ImplementationDueBy < cutOffDay && p.Started.ImplementationDueBy <= period.End
                && (p.ImplementationStartedOn is null || p.ImplementationStartedOn > p.Started.ImplementationDueBy))
            .Select(p => new NotStartedLine(p.Started.ReceiptCode, NgoName(known, p.Started.DossierId, p.Started.NgoId),
                p.Started.DecisionDate, p.Started.ImplementationDueBy, p.ImplementationStartedOn))
            .OrderBy(p => p.DueBy).ThenBy(p => p.ReceiptCode, StringComparer.Ordinal)
            .ToList();
    }

    private static string NgoName(ReportFacts known, Guid dossierId, Guid ngoId) =>
        (known.Decisions.TryGetValue(dossierId, out var d) ? d.Decided.NgoName : null)
        ?? known.Accepted.GetValueOrDefault(dossierId)?.NgoName
        ?? known.LatestNgo(ngoId)?.Name
        ?? Unspecified;

    /// <summary>The year's plan (the last adopted by the cut-off) against aid committed in the period, sector by sector.</summary>
    public static MobilisationFigures Mobilisation(ReportFacts known, ReportPeriod period, AidBreakdown committed)
    {
        var plan = known.PlanFor(period.Year);
        var sectors = (plan?.Targets ?? []).GroupBy(t => t.Sector, StringComparer.Ordinal)
            .Select(g =>
            {
                var target = g.Sum(t => t.TargetVnd);
                var done = committed.BySector.FirstOrDefault(s => s.Key == g.Key)?.Vnd ?? 0m;
                return new MobilisationLine(g.Key, target, done, Rate(done, target));
            })
            .OrderBy(s => s.Sector, StringComparer.Ordinal).ToList();
        var entries = known.Catalogue.Values.Where(e => period.Contains(e.PublishedOn)).Select(e => e.EntryId).ToHashSet();
        var funding = known.Funding.Values.Where(f => entries.Contains(f.EntryId)).ToList();
        var target = sectors.Sum(s => s.TargetVnd);
        var done = sectors.Sum(s => s.CommittedVnd);
        return new MobilisationFigures(plan is not null, target, done, Rate(done, target), sectors, entries.Count,
            funding.Count(f => f.Level == FundingLevel.Partly), funding.Count(f => f.Level == FundingLevel.Fully));
    }

    public static IReadOnlyList<PlanTaskLine> PlanTasks(ReportFacts known, ReportPeriod period)
    {
        var cutOffDay = period.CutOff.VietnamDate();
        return known.Tasks.Values.Where(t => t.Year == period.Year)
            .OrderBy(t => t.DueOn).ThenBy(t => t.Title, StringComparer.Ordinal).ThenBy(t => t.Id)
            .Select(t => new PlanTaskLine(t.Title, t.LeadAgency, t.PartnerAgencies, t.Product, t.StartOn, t.DueOn,
                t.Progress.OrderBy(p => p.Agency, StringComparer.Ordinal).ToList(), t.Done, t.LateAgencies(cutOffDay),
                t.Contributions.OrderBy(c => c.Agency, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    public static decimal? Rate(decimal part, decimal whole) => whole == 0 ? null : Math.Round(part / whole, 4, MidpointRounding.AwayFromZero);

    public static IReadOnlyList<CountBy> CountsBy<T>(IEnumerable<T> items, Func<T, string?> key) =>
        items.GroupBy(i => string.IsNullOrWhiteSpace(key(i)) ? Unspecified : key(i)!, StringComparer.Ordinal)
            .Select(g => new CountBy(g.Key, g.Count()))
            .OrderBy(c => c.Key, StringComparer.Ordinal).ToList();

    internal static string AgencyVi(string code) => Agencies.Find(code)?.NameVi ?? code;
}
