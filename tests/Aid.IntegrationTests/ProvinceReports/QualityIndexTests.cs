using System.Net;
using System.Text.Json;
using Aid.Monitoring.Quality;
using Aid.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>GET /quality: the index recomputed here from the scenario's own stages, supplement, apologies and ratings;
/// the index as of an earlier instant is byte-identical after later events.</summary>
public sealed class QualityIndexTests(QualityScenario system) : IClassFixture<QualityScenario>
{
    private QualityIndex AtAsOf => JsonSerializer.Deserialize<QualityIndex>(system.JsonAtAsOf, QualityScenario.Json)!;
    private WorkingCalendar Calendar => system.Monitoring.Services.GetRequiredService<WorkingCalendar>();

    /// <summary>What the index must say for a set of dossiers, worked out from the script (weights 40/10/10/10/10/20).</summary>
    private sealed record Expected(int Early, int OnTime, int Late, int Received, int Supplements, int Apologies, int Ratings, decimal? Average, decimal Score, string Lost);

    private Expected Expect(IEnumerable<QualityDossier> dossiers, Func<ScriptedStage, bool> stageIn, Func<string, bool> agencyIn, bool counter)
    {
        var list = dossiers.ToList();
        bool InMarch(DateOnly day) => day >= QualityScenario.From && day <= QualityScenario.To;
        var stages = list.SelectMany(d => d.Stages.Where(s => InMarch(s.End) && stageIn(s)).Select(s => (d, s))).ToList();
        var early = stages.Count(x => x.s.OnTime && Calendar.WorkingDaysBetween(x.s.End, x.s.Due) >= 1);
        var late = stages.Where(x => !x.s.OnTime).ToList();
        var received = counter ? list.Where(d => InMarch(d.Received)).ToList() : [];
        var supplements = received.Where(d => d.Supplement is not null).ToList();
        var apologies = list.SelectMany(d => d.Apologies.Where(a => InMarch(a.On) && agencyIn(a.Agency)).Select(a => (d, a))).ToList();
        var ratings = list.Where(d => d.Rating is { } r && InMarch(r.On) && (counter || d.Stages.Any(stageIn))).ToList();
        var lost = new List<(string Line, decimal Points)>();
        lost.AddRange(late.Select(x => ($"late {x.d.Code} {x.s.EventId}", Math.Round(40m / stages.Count, 4, MidpointRounding.AwayFromZero))));
        lost.AddRange(supplements.Select(d => ($"supplement {d.Code} {d.Supplement!.Value.EventId}", Math.Round(10m / received.Count, 4, MidpointRounding.AwayFromZero))));
        lost.AddRange(apologies.Select(x => ($"apology {x.d.Code} {x.a.EventId}", Math.Round(10m / Math.Max(stages.Count, apologies.Count), 4, MidpointRounding.AwayFromZero))));
        lost.AddRange(ratings.Where(d => d.Rating!.Value.Score < 5).Select(d =>
            ($"rating {d.Code} {d.Rating!.Value.EventId}", Math.Round(20m * (5 - d.Rating!.Value.Score) / 4 / ratings.Count, 4, MidpointRounding.AwayFromZero))));
        return new Expected(early, stages.Count - early - late.Count, late.Count, received.Count, supplements.Count, apologies.Count, ratings.Count,
            ratings.Count == 0 ? null : Math.Round((decimal)ratings.Sum(d => d.Rating!.Value.Score) / ratings.Count, 2, MidpointRounding.AwayFromZero),
            Math.Round(100 - lost.Sum(l => l.Points), 2, MidpointRounding.AwayFromZero),
            string.Join("; ", lost.Select(l => $"{l.Line} {l.Points}").Order(StringComparer.Ordinal)));
    }

    private static Expected Actual(QualityRow row) => new(row.Early, row.OnTime, row.Late, row.Received, row.SupplementRequests, row.Apologies,
        row.Ratings, row.AverageRating, row.Score,
        string.Join("; ", row.LostPoints.Select(l => $"{l.Component} {l.ReceiptCode} {string.Join(",", l.EventIds)} {l.Points}").Order(StringComparer.Ordinal)));

    [Fact]
    public void The_province_row_is_the_index_recomputed_from_the_scenario()
    {
        var index = AtAsOf;
        Assert.Equal((QualityScenario.From, QualityScenario.To), (index.From, index.To));
        // Only the quality facts are read: 4 receipts, 11 stages, a supplement, 3 apologies, 2 ratings (not Monitoring's project events).
        Assert.Equal(21, index.FactsCounted);
        Assert.Equal(Expect(system.Dossiers, _ => true, _ => true, counter: true), Actual(index.Province));
        // The scenario exercises each component: early, on-time and late stages, a supplement, three apologies, a low rating.
        Assert.Equal((4, 4, 3, 1, 3, 2), (index.Province.Early, index.Province.OnTime, index.Province.Late,
            index.Province.SupplementRequests, index.Province.Apologies, index.Province.Ratings));
        Assert.Equal((3, 3m / 3, 2, 1m), (index.Province.ReceivedOnline, index.Province.ReceivedOnlineShare, index.Province.ReturnedOnline, index.Province.ReturnedOnlineShare));
    }

    [Fact]
    public void Each_agency_row_is_recomputed_from_its_own_stages()
    {
        var index = AtAsOf;
        Assert.Equal(["SNV", "CAT", "STC", "UBND"], index.Agencies.Select(a => a.Key));
        Assert.Equal(["Sở Ngoại vụ", "Công an tỉnh", "Sở Tài chính", "Ủy ban nhân dân tỉnh"], index.Agencies.Select(a => a.NameVi));
        foreach (var row in index.Agencies)
            Assert.Equal(Expect(system.Dossiers, s => s.Agency == row.Key, a => a == row.Key, counter: row.Key == "SNV"), Actual(row));
        // Average working days per stage: intake of D1 (2 → 10 March: 6), D2 (4 → 12: 6), D3 (5 → 6: 1), D4 (20 Feb → 2 March: 6).
        var intake = Assert.Single(index.Agencies[0].StageDays);
        Assert.Equal(("intake", 4, 4.75m), (intake.Stage, intake.Count, intake.AverageWorkingDays));
    }

    [Fact]
    public void Each_procedure_row_is_recomputed_from_its_dossiers()
    {
        var index = AtAsOf;
        Assert.Equal(["Project", "NonProjectAid"], index.Procedures.Select(p => p.Key));
        foreach (var row in index.Procedures)
            Assert.Equal(Expect(system.Dossiers.Where(d => d.AidKind == row.Key), _ => true, _ => true, counter: true), Actual(row));
    }

    [Fact]
    public void Every_lost_point_names_its_dossier_and_the_events_that_caused_it()
    {
        var index = AtAsOf;
        var byCode = system.Dossiers.ToDictionary(d => d.Code);
        foreach (var lost in index.Agencies.Concat(index.Procedures).Append(index.Province).SelectMany(r => r.LostPoints))
        {
            var dossier = byCode[lost.ReceiptCode];
            Assert.Equal(dossier.Id, lost.DossierId);
            var ids = dossier.Stages.Select(s => s.EventId).Concat(dossier.Apologies.Select(a => a.EventId))
                .Append(dossier.Supplement?.EventId ?? Guid.Empty).Append(dossier.Rating?.EventId ?? Guid.Empty);
            Assert.Subset(ids.ToHashSet(), lost.EventIds.ToHashSet());
        }
    }

    [Fact]
    public async Task The_index_as_of_an_earlier_instant_is_unchanged_by_later_events()
    {
        using var compiler = system.Monitoring.ClientAs("mobilisation.officer");
        Assert.Equal(system.JsonAtAsOf, await QualityScenario.GetAsync(compiler, system.AsOf));
        var now = JsonSerializer.Deserialize<QualityIndex>(await QualityScenario.GetAsync(compiler, null), QualityScenario.Json)!;
        Assert.Equal((12, 4, 4), (now.Province.StagesEnded, now.Province.Late, now.Province.Apologies));
        Assert.True(now.Province.Score < AtAsOf.Province.Score);
    }

    [Fact]
    public async Task Only_report_readers_see_the_index_and_a_bad_period_is_refused()
    {
        using var ngo = system.Monitoring.ClientAs(Aid.ServiceDefaults.Identity.DevelopmentUser.NgoStaff(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, (await ngo.GetAsync(QualityScenario.Query(null))).StatusCode);
        using var auditor = system.Monitoring.ClientAs("auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(QualityScenario.Query(system.AsOf))).StatusCode);
        var bad = await auditor.GetAsync("/quality?from=2026-03-31&to=2026-03-01&asOf=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("asOf", await bad.Content.ReadAsStringAsync());
    }
}
