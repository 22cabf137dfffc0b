using Aid.Contracts;
using Aid.Contracts.Registration;
using Aid.Monitoring.Quality;
using Aid.Monitoring.Reporting;
using Aid.Registration.Dossiers;
using Aid.Registration.Ratings;
using Aid.Domain.Calendar;
using Aid.Domain.Rules;
using Xunit;
using static Aid.Monitoring.Quality.QualityFold;

namespace Aid.UnitTests.Monitoring;

/// <summary>The score of the service-quality index: 100 less every lost point; weights 40/10/10/10/10/20.</summary>
public sealed class QualityScoringTests
{
    private static readonly WorkingCalendar Calendar =
        WorkingCalendar.FromFile(Path.Combine(AppContext.BaseDirectory, "reference-data", "vn-days-off.csv"));
    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static StageRun Stage(string code, DateOnly end, DateOnly due, bool? onTime) =>
        new("CAT", "security", Guid.NewGuid(), code, end.AddDays(-7), end, due, onTime, Guid.NewGuid());

    private static QualityRow Row(Slice slice) => QualityFold.Row("CAT", "Công an tỉnh", "Provincial Police", slice, QualityWeights.Default, Calendar);

    private static Slice Only(IReadOnlyList<StageRun>? stages = null, IReadOnlyList<Handover>? receipts = null, IReadOnlyList<Handover>? returns = null,
        IReadOnlyList<Apology>? apologies = null, IReadOnlyList<Rating>? ratings = null) =>
        new(stages ?? [], receipts ?? [], returns ?? [], apologies ?? [], ratings ?? []);

    [Fact]
    public void Nothing_to_score_is_a_full_score()
    {
        var row = Row(Only());
        Assert.Equal((100m, 0), (row.Score, row.LostPoints.Count));
        Assert.Null(row.LateShare);
        Assert.Null(row.AverageRating);
    }

    [Fact]
    public void Early_means_a_working_day_to_spare_and_a_late_stage_loses_its_share_of_40()
    {
        // Friday 13 March due Monday 16: one working day to spare. Friday 13 due Saturday 14: none.
        var row = Row(Only([Stage("A", D(3, 13), D(3, 16), true), Stage("B", D(3, 13), D(3, 14), true), Stage("C", D(3, 20), D(3, 16), false)]));
        Assert.Equal((1, 1, 1, 0), (row.Early, row.OnTime, row.Late, row.Unknown));
        Assert.Equal(0.3333m, row.EarlyShare);
        var lost = Assert.Single(row.LostPoints);
        Assert.Equal(("late", "C", 13.3333m), (lost.Component, lost.ReceiptCode, lost.Points));
        Assert.Equal(86.67m, row.Score);
    }

    [Fact]
    public void A_stage_without_an_on_time_flag_is_counted_apart_and_never_loses()
    {
        var row = Row(Only([Stage("A", D(3, 13), D(3, 13), null), Stage("B", D(3, 13), D(3, 12), false)]));
        Assert.Equal((0, 0, 1, 1), (row.Early, row.OnTime, row.Late, row.Unknown));
        Assert.Equal(60m, row.Score);
    }

    [Fact]
    public void Supplements_apologies_and_offline_handovers_lose_their_share()
    {
        var supplement = new DossierSupplementRequested(new EventMetadata(Guid.NewGuid(), DateTimeOffset.UnixEpoch, "u", "SNV", null, null, "registration", 1),
            Guid.NewGuid(), "A", ["a", "b"], D(3, 3));
        Handover Receipt(string code, bool? online, DossierSupplementRequested? s = null) => new(Guid.NewGuid(), code, online, Guid.NewGuid(), s);
        var row = Row(Only(
            stages: [Stage("A", D(3, 13), D(3, 13), true), Stage("B", D(3, 13), D(3, 13), true)],
            receipts: [Receipt("A", true, supplement), Receipt("B", false), Receipt("C", true), Receipt("D", null)],
            returns: [Receipt("A", false)],
            apologies: [new Apology("CAT", "security", Guid.NewGuid(), "B", Guid.NewGuid())]));
        Assert.Equal(0.25m, row.SupplementRate);
        Assert.Equal((2, 0.6667m), (row.ReceivedOnline, row.ReceivedOnlineShare));
        Assert.Equal(
            ["supplement A 2.5", "apology B 5", "notReceivedOnline B 3.3333", "notReturnedOnline A 10"],
            row.LostPoints.Select(l => $"{l.Component} {l.ReceiptCode} {l.Points}"));
        Assert.Equal(Math.Round(100 - 2.5m - 5m - 3.3333m - 10m, 2), row.Score);
    }

    [Fact]
    public void A_rating_below_five_loses_its_share_of_20_in_proportion()
    {
        Rating Rated(string code, int score) => new(Guid.NewGuid(), code, score, Guid.NewGuid());
        var row = Row(Only(ratings: [Rated("A", 5), Rated("B", 1), Rated("C", 4)]));
        Assert.Equal(3.33m, row.AverageRating);
        Assert.Equal(["rating B 6.6667", "rating C 1.6667"], row.LostPoints.Select(l => $"{l.Component} {l.ReceiptCode} {l.Points}"));
        Assert.Equal(91.67m, row.Score);
    }

    [Fact]
    public void A_fact_recorded_after_the_as_of_instant_is_not_counted()
    {
        var asOf = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        var meta = new EventMetadata(Guid.NewGuid(), asOf.AddDays(-20), "u", "SNV", null, null, "registration", 1);
        ReportFact[] facts =
        [
            new(1, asOf.AddDays(-10), Guid.NewGuid(), new DossierReceived(meta, id, "A", Guid.NewGuid(), "Project", D(3, 2), D(3, 12)) { SubmittedOnline = true }),
            new(2, asOf.AddSeconds(1), Guid.NewGuid(), new Aid.Contracts.Registration.ServiceRated(meta with { EventId = Guid.NewGuid() }, id, "A", Guid.NewGuid(), 1, D(3, 30))),
        ];
        var index = QualityFold.Build(facts, D(3, 1), D(3, 31), asOf, Calendar);
        Assert.Equal((1, 1, 0, 100m), (index.FactsCounted, index.Province.Received, index.Province.Ratings, index.Province.Score));
        Assert.Equal(["Project"], index.Procedures.Select(p => p.Key));
    }
}

/// <summary>The NGO's rating: once, after the result.</summary>
public sealed class RateServiceRuleTests
{
    private static readonly RateService Command = new(4, null, new DateOnly(2026, 3, 30), DateTimeOffset.UnixEpoch);
    private static Dossier At(DossierStage stage, bool decided) =>
        new() { Id = Guid.NewGuid(), NgoId = Guid.NewGuid(), ReceiptCode = "SNV-20260302-001", Stage = stage, Decided = decided };

    [Theory]
    [InlineData(DossierStage.Decision, false)]
    [InlineData(DossierStage.ForwardedToPrimeMinister, true)]
    public void Refused_before_the_result(DossierStage stage, bool decided) =>
        Assert.Equal("result-not-out", Assert.Throws<RuleViolation>(() => RateService.Decide(Command, At(stage, decided))).Code);

    [Fact]
    public void Refused_twice()
    {
        var dossier = At(DossierStage.Refused, true);
        var rated = (Aid.Registration.Ratings.ServiceRated)Assert.Single(RateService.Decide(Command, dossier));
        Assert.Equal((4, dossier.ReceiptCode), (rated.Score, rated.ReceiptCode));
        Assert.Equal("already-rated", Assert.Throws<RuleViolation>(() => RateService.Decide(Command, dossier.Apply(rated))).Code);
    }
}
