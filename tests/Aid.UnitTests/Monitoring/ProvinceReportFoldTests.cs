using Aid.Contracts.Monitoring;
using ProjectMonitoringStarted = Aid.Monitoring.Projects.ProjectMonitoringStarted;
using System.Text.Json;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.Monitoring.Projects;
using Aid.Monitoring.Reporting;
using Aid.Domain.Calendar;
using Xunit;

namespace Aid.UnitTests.Monitoring;

public sealed class ProvinceReportFoldTests
{
    private static readonly WorkingCalendar Calendar =
        WorkingCalendar.FromFile(Path.Combine(AppContext.BaseDirectory, "reference-data", "vn-days-off.csv"));
    private static readonly ProvincePreset Preset = ReportingOptions.Presets[0];
    private static readonly DateTimeOffset CutOff = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly ReportPeriod Period = new(ProvinceReportKind.Annual, 2026, new(2026, 1, 1), new(2026, 10, 31), new(2026, 11, 15), CutOff);

    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static EventMetadata Meta(string day) => new(Guid.NewGuid(), new DateTimeOffset(D(day).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)), "u", "SNV", null, null, "registration", 1);

    private readonly List<ReportFact> facts = [];
    private DateTimeOffset recorded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private void Add(object data, Guid? stream = null, DateTimeOffset? at = null)
    {
        recorded = at ?? recorded.AddMinutes(1);
        facts.Add(new ReportFact(facts.Count + 1, recorded, stream ?? Guid.NewGuid(), data));
    }

    private static DossierDecided Approval(Guid id, string day, decimal amount, string currency, decimal vnd, string sector = "Y tế") =>
        new(Meta(day), id, "R-" + id.ToString("N")[..4], DecisionOutcome.Approved)
        {
            DecisionDate = D(day), NgoId = Guid.NewGuid(), Amount = amount, Currency = currency, AmountVnd = vnd,
            Fields = [sector], Locations = ["Xã A"], NgoCountry = "Hoa Kỳ", AidKind = "Project",
        };

    private ProvinceReport Build(ReportPeriod? period = null) => ReportFold.Build(period ?? Period, Preset, facts, Calendar);

    [Fact]
    public void Facts_recorded_after_the_cut_off_change_nothing_even_when_back_dated()
    {
        var id = Guid.NewGuid();
        Add(Approval(id, "2026-03-02", 1_000m, "USD", 25_000_000m));
        var before = JsonSerializer.Serialize(Build());

        Add(Approval(Guid.NewGuid(), "2026-02-01", 5_000m, "USD", 125_000_000m), at: CutOff.AddSeconds(1));
        Add(new AidTrancheReceived(Guid.NewGuid(), 500m, "USD", D("2026-04-01"), null), id, at: CutOff.AddDays(3));

        Assert.Equal(before, JsonSerializer.Serialize(Build()));
        Assert.Equal(25_000_000m, Build().Committed.TotalVnd);
        Assert.Equal(1, Build().FactsCounted);
        // A later cut-off sees them.
        Assert.Equal(150_000_000m, Build(Period with { CutOff = CutOff.AddDays(5) }).Committed.TotalVnd);
    }

    [Fact]
    public void Tranches_are_converted_at_the_dossiers_own_rate_or_left_unconverted()
    {
        var id = Guid.NewGuid();
        Add(Approval(id, "2026-03-02", 1_000m, "USD", 25_400_000m));
        Add(new ProjectMonitoringStarted(id, "R-1", Guid.NewGuid(), "T", 25_400_000m, D("2026-03-02"), D("2027-03-01"), "1/QĐ", D("2026-03-02"), null, [], [], D("2026-09-02"), CutOff), id);
        Add(new AidTrancheReceived(Guid.NewGuid(), 333m, "USD", D("2026-04-01"), null), id);
        Add(new AidTrancheReceived(Guid.NewGuid(), 7_000_000m, "VND", D("2026-05-01"), null), id);
        Add(new AidTrancheReceived(Guid.NewGuid(), 100m, "EUR", D("2026-05-01"), null), id);
        Add(new AidTrancheReceived(Guid.NewGuid(), 100m, "USD", D("2025-12-31"), null), id);

        var received = Build().Received;
        // 333 × 25,400 = 8,458,200; plus 7,000,000 VND; the EUR has no rate; the 2025 tranche is outside the period.
        Assert.Equal(15_458_200m, received.TotalVnd);
        Assert.Equal(["EUR 100", "USD 333", "VND 7000000"], received.Original.Select(o => $"{o.Currency} {o.Amount}"));
        Assert.Equal(1, received.BySector.Single().Unconverted);
        Assert.Equal(["2025", "2026"], received.ByYear.Select(y => y.Key));
    }

    [Fact]
    public void The_registry_entry_that_counts_is_the_last_by_when_it_happened_not_by_arrival()
    {
        var ngo = Guid.NewGuid();
        NgoRegistryChanged Entry(string day, NgoStanding standing) => new(Meta(day), ngo, NgoRegistryChange.Amended, "N", "Đức", "Giấy đăng ký hoạt động", "1",
            D("2025-01-01"), D("2030-01-01"), standing);
        Add(Entry("2026-05-01", NgoStanding.Suspended));
        Add(Entry("2026-01-01", NgoStanding.Active)); // arrived later, happened earlier

        Assert.Equal(0, Build().Ngos.Active);
        Assert.Equal(1, Build(Period with { End = D("2026-04-30") }).Ngos.Active);
    }

    [Fact]
    public void Stage_durations_count_working_days_and_on_time_rates_ignore_unknown_flags()
    {
        Accepted(D("2026-04-24"), D("2026-04-29"), true);   // 27/04 and weekend off: 28, 29 = 2
        Accepted(D("2026-03-02"), D("2026-03-06"), false);  // 4
        Accepted(D("2026-03-02"), D("2026-03-03"), null);   // 1

        var intake = Build().Stages.Single(s => s.Stage == "intake");
        Assert.Equal((3, 2.33m, 1, 1, 1, 0.5m), (intake.Count, intake.AverageWorkingDays, intake.OnTime, intake.Late, intake.Unknown, intake.OnTimeRate));
        Assert.Null(Build().Stages.Single(s => s.Stage == "appraisal").OnTimeRate);

        void Accepted(DateOnly received, DateOnly accepted, bool? onTime) =>
            Add(new DossierAccepted(Meta("2026-03-01"), Guid.NewGuid(), "R", Guid.NewGuid(), "Project", [])
            {
                ReceiptDate = received, AcceptedOn = accepted, IntakeOnTime = onTime,
            });
    }

    [Fact]
    public void The_revised_plan_counts_against_committed_aid_by_sector()
    {
        Add(new MobilisationPlanAdopted(Meta("2026-04-01"), Guid.NewGuid(), 2026, [new("Y tế", 200m)]));
        Add(new MobilisationPlanAdopted(Meta("2026-01-01"), Guid.NewGuid(), 2026, [new("Y tế", 100m)])); // older, arrived later
        Add(Approval(Guid.NewGuid(), "2026-03-02", 1m, "USD", 50m));

        var plan = Build().Mobilisation;
        Assert.Equal(("Y tế", 200m, 50m, 0.25m), (plan.Sectors.Single().Sector, plan.Sectors.Single().TargetVnd, plan.Sectors.Single().CommittedVnd, plan.Sectors.Single().Progress));
    }

    [Fact]
    public void Presets_give_each_provinces_period_due_date_and_cut_off()
    {
        var dongNai = ReportPeriod.For(ProvinceReportKind.Annual, 2026, ReportingOptions.Presets.Single(p => p.Code == "dong-nai"));
        Assert.Equal((D("2025-11-01"), D("2026-10-31"), D("2026-11-15")), (dongNai.Start, dongNai.End, dongNai.DueDate));
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 23, 59, 59, TimeSpan.FromHours(7)).AddTicks(9_999_990), dongNai.CutOff);
        Assert.Equal(D("2026-10-25"), ReportPeriod.For(ProvinceReportKind.Annual, 2026, ReportingOptions.Presets.Single(p => p.Code == "hue")).DueDate);
        Assert.Equal(D("2026-11-05"), ReportPeriod.For(ProvinceReportKind.Annual, 2026, ReportingOptions.Presets.Single(p => p.Code == "ha-tinh")).DueDate);
        var options = new ReportingOptions { Province = "hue", AnnualDue = "10-20" };
        Assert.Equal(("hue", "10-20"), (options.Effective().Code, options.Effective().AnnualDue));
    }

    [Fact]
    public void Reminders_go_from_n_working_days_before_the_due_date_once_per_agency()
    {
        var period = Period with { DueDate = D("2026-11-16") }; // a Monday
        string[] agencies = ["CAT", "STC"];
        Assert.Equal(D("2026-11-09"), ReportReminders.RemindFrom(period.DueDate, 5, Calendar));
        Assert.Empty(ReportReminders.Decide(period, null, agencies, 5, D("2026-11-08"), Calendar));
        Assert.Empty(ReportReminders.Decide(period, null, agencies, 5, D("2026-11-17"), Calendar));

        var first = ReportReminders.Decide(period, null, agencies, 5, D("2026-11-09"), Calendar);
        Assert.Equal(["CAT", "STC"], first.Select(r => r.Agency));
        var sent = ReportReminders.Create(first[0]).Apply(first[1]);
        Assert.Empty(ReportReminders.Decide(period, sent, agencies, 5, D("2026-11-10"), Calendar));
        Assert.Equal(["SYT"], ReportReminders.Decide(period, sent, [.. agencies, "SYT"], 5, D("2026-11-16"), Calendar).Select(r => r.Agency));
    }
}
