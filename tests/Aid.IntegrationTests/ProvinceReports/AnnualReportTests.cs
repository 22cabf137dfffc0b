using Aid.Contracts.Monitoring;
using System.Net.Http.Json;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.Monitoring.Projects;
using Aid.Monitoring.Reporting;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>GET /province-reports/annual/{year}: every figure against the scripted year, and the same report when
/// regenerated after later events.</summary>
public sealed class AnnualReportTests(ProvinceYearSystem system) : IClassFixture<ProvinceYearSystem>
{
    private readonly ProvinceYear year = system.Year;
    private readonly ProvinceYearDriver driver = system.Driver;
    private readonly ExpectedReport expected = new(system.Year, 2026);
    private readonly ExpectedReport previous = new(system.Year, 2025);

    private Task<ProvinceReport> AtCutOff() => driver.Report(ProvinceYearDriver.CutOffQuery(system.CutOff));

    [Fact]
    public async Task Ngos_and_dossiers_are_counted_as_scripted()
    {
        var report = await AtCutOff();
        Assert.Equal((ProvinceReportKind.Annual, 2026, ProvinceYear.PeriodStart, ProvinceYear.PeriodEnd), (report.Kind, report.Year, report.PeriodStart, report.PeriodEnd));
        Assert.Equal(new DateOnly(2026, 11, 15), report.DueDate);

        Assert.Equal(expected.ActiveNgos.Count, report.Ngos.Active);
        Assert.Equal(Counts(expected.ActiveNgos.Select(n => n.Country)), report.Ngos.ByCountry.Select(c => $"{c.Key}={c.Count}"));
        Assert.Equal(Counts(expected.ActiveNgos.Select(n => n.CertificateKind)), report.Ngos.ByCertificateKind.Select(c => $"{c.Key}={c.Count}"));
        Assert.Equal(new DossierFigures(expected.Received, expected.Decided(DecisionOutcome.Approved), expected.Decided(DecisionOutcome.Refused),
            expected.Withdrawn, expected.Decided(DecisionOutcome.ForwardedToPrimeMinister)), report.Dossiers);
        // The scenario exercises each count: a refusal, a forward, a withdrawal, an NGO suspended, a certificate expired.
        Assert.Equal(new DossierFigures(5, 2, 1, 1, 1), report.Dossiers);
        Assert.Equal(2, report.Ngos.Active);
    }

    [Fact]
    public async Task Aid_committed_and_received_are_grouped_in_original_currency_and_vnd()
    {
        var report = await AtCutOff();
        Assert.Equal(expected.CommittedVnd, report.Committed.TotalVnd);
        Assert.Equal(expected.ReceivedVnd, report.Received.TotalVnd);
        Assert.Equal(expected.CommittedBy(d => d.Sector), report.Committed.BySector.Select(ExpectedReport.Line));
        Assert.Equal(expected.CommittedBy(d => d.Commune), report.Committed.ByCommune.Select(ExpectedReport.Line));
        Assert.Equal(expected.CommittedBy(d => d.Ngo.Country), report.Committed.ByDonorCountry.Select(ExpectedReport.Line));
        Assert.Equal(expected.CommittedBy(d => d.AidKind), report.Committed.ByAidKind.Select(ExpectedReport.Line));
        Assert.Equal(expected.ReceivedBy(d => d.Sector), report.Received.BySector.Select(ExpectedReport.Line));
        Assert.Equal(expected.ReceivedBy(d => d.Commune), report.Received.ByCommune.Select(ExpectedReport.Line));
        Assert.Equal(expected.ReceivedBy(d => d.Ngo.Country), report.Received.ByDonorCountry.Select(ExpectedReport.Line));
        Assert.Equal(expected.ReceivedBy(d => d.AidKind), report.Received.ByAidKind.Select(ExpectedReport.Line));
        // By year: every year up to the period's end.
        Assert.Equal([$"2025={ExpectedReport.Money(previous.CommittedVnd)}", $"2026={ExpectedReport.Money(expected.CommittedVnd)}"],
            report.Committed.ByYear.Select(g => $"{g.Key}={ExpectedReport.Money(g.Vnd)}"));
        Assert.Equal([$"2025={ExpectedReport.Money(previous.ReceivedVnd)}", $"2026={ExpectedReport.Money(expected.ReceivedVnd)}"],
            report.Received.ByYear.Select(g => $"{g.Key}={ExpectedReport.Money(g.Vnd)}"));
        // The EUR tranche of a USD dossier has no rate: kept in the original currency, left out of VND.
        Assert.Contains(report.Received.Original, o => o.Currency == "EUR" && o.Amount == 5_000m);
        Assert.Equal(1, report.Received.BySector.Sum(g => g.Unconverted));
    }

    [Fact]
    public async Task Stages_give_working_days_and_on_time_rates_per_agency()
    {
        var report = await AtCutOff();
        Assert.Equal(["intake:SNV", "security:CAT", "appraisal:STC", "decision:UBND"], report.Stages.Select(s => $"{s.Stage}:{s.Agency}"));
        foreach (var stage in report.Stages)
        {
            var (count, mean, onTime, late, unknown) = expected.Stage(stage.Stage);
            Assert.Equal((count, mean, onTime, late, unknown), (stage.Count, stage.AverageWorkingDays, stage.OnTime, stage.Late, stage.Unknown));
            Assert.Equal(onTime + late == 0 ? null : Math.Round((decimal)onTime / (onTime + late), 4, MidpointRounding.AwayFromZero), stage.OnTimeRate);
        }
        // The decision stage of D3 spans the compensatory day off of 27/04/2026: 2 working days, not 3.
        Assert.Equal(4m, report.Stages.Single(s => s.Stage == "decision").AverageWorkingDays);
    }

    [Fact]
    public async Task Inspections_overdue_reports_approvals_not_started_and_mobilisation()
    {
        var report = await AtCutOff();
        Assert.Equal(expected.Inspections.Count, report.Inspections.Total);
        Assert.Equal(Counts(expected.Inspections.Select(i => i.Verdict)), report.Inspections.ByVerdict.Select(c => $"{c.Key}={c.Count}"));

        var cutOffDay = DateOnly.FromDateTime(system.CutOff.ToOffset(TimeSpan.FromHours(7)).DateTime);
        var overdue = new List<string>();
        foreach (var dossier in year.Dossiers.Where(d => d.Approved))
        {
            var project = system.ProjectsAtCutOff[dossier.Id];
            overdue.AddRange(project.Reports.Where(r => r.ReceivedOn is null && r.DueDate < cutOffDay && r.DueDate <= ProvinceYear.PeriodEnd)
                .Select(r => $"{r.DueDate:yyyy-MM-dd}|{dossier.ReceiptCode}|{r.Key}"));
        }
        Assert.NotEmpty(overdue);
        Assert.Equal(overdue.Order(StringComparer.Ordinal), report.OverdueReports.Select(o => $"{o.DueDate:yyyy-MM-dd}|{o.ReceiptCode}|{o.ReportKey}"));

        var notStarted = year.Dossiers.Where(d => d.Approved && d.Decided!.Value.AddMonths(6) < cutOffDay
                && (d.ImplementationStarted is null || d.ImplementationStarted > d.Decided.Value.AddMonths(6)))
            .Select(d => $"{d.ReceiptCode}|{d.Ngo.Name}|{d.Decided!.Value.AddMonths(6):yyyy-MM-dd}");
        Assert.Equal(notStarted, report.ApprovalsNotStarted.Select(n => $"{n.ReceiptCode}|{n.NgoName}|{n.DueBy:yyyy-MM-dd}"));
        Assert.Equal([year.D2.ReceiptCode], report.ApprovalsNotStarted.Select(n => n.ReceiptCode));

        var plan = year.Plans[^1].Targets;
        Assert.True(report.Mobilisation.PlanAdopted);
        Assert.Equal(plan.OrderBy(t => t.Sector, StringComparer.Ordinal).Select(t =>
            {
                var committed = expected.Approvals.Where(d => d.Sector == t.Sector).Sum(d => d.AmountVnd);
                return $"{t.Sector}|{ExpectedReport.Money(t.Target)}|{ExpectedReport.Money(committed)}|{Math.Round(committed / t.Target, 4, MidpointRounding.AwayFromZero)}";
            }),
            report.Mobilisation.Sectors.Select(s => $"{s.Sector}|{ExpectedReport.Money(s.TargetVnd)}|{ExpectedReport.Money(s.CommittedVnd)}|{s.Progress}"));
        Assert.Equal(plan.Sum(t => t.Target), report.Mobilisation.TargetVnd);
        var catalogue = year.Catalogue.Where(c => ProvinceYear.InPeriod(c.Published, 2026)).ToList();
        Assert.Equal((catalogue.Count, catalogue.Count(c => c.Funded == "Partly"), catalogue.Count(c => c.Funded == "Fully")),
            (report.Mobilisation.CatalogueEntriesPublished, report.Mobilisation.CatalogueEntriesFundedPartly, report.Mobilisation.CatalogueEntriesFundedFully));
    }

    [Fact]
    public async Task The_plan_tasks_of_the_year_show_progress_contributions_and_who_is_late()
    {
        var report = await AtCutOff();
        Assert.Equal(["Rà soát hoạt động của các tổ chức PCPNN|CAT|STC,SYT|CAT:50,STC:100|False|CAT,SYT", "Tổng hợp số liệu viện trợ|SNV||SNV:100|True|"],
            report.PlanTasks.Select(t => $"{t.Title}|{t.LeadAgency}|{string.Join(",", t.PartnerAgencies)}|{string.Join(",", t.Progress.Select(p => $"{p.Agency}:{p.Percent}"))}|{t.Done}|{string.Join(",", t.LateAgencies)}"));
        Assert.Equal([$"STC:{ProvinceYear.FinanceContribution}"], report.PlanTasks[0].Contributions.Select(c => $"{c.Agency}:{c.Text}"));
    }

    [Fact]
    public async Task The_year_is_compared_with_the_previous_year()
    {
        var report = await AtCutOff();
        Assert.Equal(2025, report.Comparison.PreviousYear);
        Assert.Equal(Headline(previous), report.Comparison.Previous);
        Assert.Equal(Headline(expected), report.Comparison.Current);
    }

    [Fact]
    public async Task Regenerating_after_later_events_gives_the_identical_report()
    {
        var query = ProvinceYearDriver.CutOffQuery(system.CutOff);
        var first = await driver.ReportJson(driver.Compiler, query);

        // Later: a receipt back-dated into the period, an NGO revoked back-dated, a new approval, a tranche, an
        // inspection, an overdue report received, an implementation started.
        var late = new ScriptedDossier("D7", year.A, "Y tế", "Xã Phú Lý", "Project", 70_000m, "USD", 1_778_000_000m, new DateOnly(2026, 3, 15),
            Outcome: DecisionOutcome.Approved, Decided: new DateOnly(2026, 7, 1));
        await driver.PublishDossier(late);
        await driver.Publish(driver.Registry(year.B, NgoRegistryChange.Revoked, new DateOnly(2026, 6, 1), NgoStanding.Revoked));
        await driver.WaitForProject(late.Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        await driver.Act($"/projects/{year.D1.Id}/tranches", new { amount = 1_000m, currency = "USD", receivedOn = today, note = "sau ngày chốt" });
        await driver.Act($"/projects/{year.D2.Id}/inspections", new { inspectedOn = today, team = new[] { "A" }, findings = "f", verdict = "Compliant" });
        await driver.Act($"/projects/{year.D2.Id}/implementation-started", new { startedOn = today });
        await new PlanTaskDriver(system).Progress("security.officer", driver.ReviewTask, 100, "Hoàn thành sau ngày chốt.");
        var first_ = System.Text.Json.JsonSerializer.Deserialize<ProvinceReport>(first, ProvinceYearDriver.Json)!;
        var overdueKey = first_.OverdueReports.First(o => o.ReceiptCode == year.D0.ReceiptCode).ReportKey;
        await driver.Act($"/projects/{year.D0.Id}/reports", new { reportKey = overdueKey, receivedOn = today, summary = "Nộp muộn." });

        // The later events count in a report with a later cut-off...
        var now = await Aid.IntegrationTests.Infrastructure.Eventually.Returns(async () =>
        {
            var r = await driver.Report(ProvinceYearDriver.CutOffQuery(DateTimeOffset.UtcNow));
            return r.Dossiers.Received == expected.Received + 1 && r.Dossiers.Approved == 3 && r.Ngos.Active == 1 ? r : null;
        }, "the later events to be recorded");
        Assert.NotEqual(first_.Committed.TotalVnd, now.Committed.TotalVnd);
        // Started now, after its six months: still listed, with the day it started.
        Assert.Equal([today], now.ApprovalsNotStarted.Select(n => n.StartedOn));
        Assert.True(now.PlanTasks[0].Done);

        // ...and change nothing in the report at the first cut-off, byte for byte.
        Assert.Equal(first, await driver.ReportJson(driver.Compiler, query));
        Assert.Equal(first, await driver.ReportJson(system.Monitoring.ClientAs("auditor"), query));
    }

    private static Headline Headline(ExpectedReport e) => new(e.ActiveNgos.Count, e.Received, e.Decided(DecisionOutcome.Approved),
        e.Decided(DecisionOutcome.Refused), e.Withdrawn, e.Decided(DecisionOutcome.ForwardedToPrimeMinister), e.CommittedVnd, e.ReceivedVnd, e.Inspections.Count);

    private static IEnumerable<string> Counts(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}");
}
