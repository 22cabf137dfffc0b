using System.Net;
using System.Text.Json;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.IntegrationTests.Infrastructure;
using Aid.Monitoring.Quality;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>One stage of a scripted dossier: when it started, ended and was due, and whether the service said on time.</summary>
public sealed record ScriptedStage(string Agency, string Stage, DateOnly Start, DateOnly End, DateOnly Due, bool OnTime, Guid EventId);

/// <summary>A scripted dossier of March 2026 with its stages, supplement, apologies and rating.</summary>
public sealed record QualityDossier(string Code, string AidKind, DateOnly Received)
{
    public Guid Id { get; } = Guid.NewGuid();
    public Guid NgoId { get; } = Guid.NewGuid();
    public Guid ReceivedEvent { get; } = Guid.NewGuid();
    public List<ScriptedStage> Stages { get; } = [];
    public List<(string Agency, string Stage, DateOnly On, Guid EventId)> Apologies { get; } = [];
    public (DateOnly On, Guid EventId)? Supplement { get; set; }
    public (int Score, DateOnly On, Guid EventId)? Rating { get; set; }
    public DecisionOutcome? Outcome { get; set; }
}

/// <summary>
/// The quality scenario played into a running system: four dossiers with early, on-time and late stages, a supplement,
/// apologies of three agencies and two ratings, all published as the owning services publish them. The as-of instant
/// is taken once they are all recorded; then later events (a late appraisal, another apology) arrive.
/// </summary>
public sealed class QualityScenario : AidSystem
{
    public static readonly DateOnly From = new(2026, 3, 1), To = new(2026, 3, 31);
    private static DateOnly D(int day) => new(2026, 3, day);
    public static readonly JsonSerializerOptions Json = ProvinceYearDriver.Json;

    public List<QualityDossier> Dossiers { get; } = [];
    public DateTimeOffset AsOf { get; private set; }
    public string JsonAtAsOf { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var d1 = new QualityDossier("SNV-20260302-901", "Project", D(2)) { Supplement = (D(3), Guid.NewGuid()), Outcome = DecisionOutcome.Refused, Rating = (5, D(30), Guid.NewGuid()) };
        d1.Stages.AddRange([
            new("SNV", "intake", D(2), D(10), D(12), true, Guid.NewGuid()),       // 2 working days early
            new("CAT", "security", D(10), D(16), D(16), true, Guid.NewGuid()),    // on the due date
            new("STC", "appraisal", D(16), D(25), D(20), false, Guid.NewGuid()),  // late
            new("UBND", "decision", D(25), D(27), D(27), true, Guid.NewGuid())]);
        d1.Apologies.Add(("STC", "appraisal", D(19), Guid.NewGuid()));
        var d2 = new QualityDossier("SNV-20260304-902", "NonProjectAid", D(4)) { Outcome = DecisionOutcome.Approved, Rating = (2, D(31), Guid.NewGuid()) };
        d2.Stages.AddRange([
            new("SNV", "intake", D(4), D(12), D(11), false, Guid.NewGuid()),
            new("CAT", "security", D(12), D(20), D(25), true, Guid.NewGuid()),
            new("STC", "appraisal", D(20), D(24), D(24), true, Guid.NewGuid()),
            new("UBND", "decision", D(24), D(26), D(30), true, Guid.NewGuid())]);
        d2.Apologies.Add(("SNV", "intake", D(11), Guid.NewGuid()));
        var d3 = new QualityDossier("SNV-20260305-903", "Project", D(5));
        d3.Stages.AddRange([
            new("SNV", "intake", D(5), D(6), D(13), true, Guid.NewGuid()),
            new("CAT", "security", D(6), D(27), D(20), false, Guid.NewGuid())]);
        d3.Apologies.Add(("CAT", "security", D(20), Guid.NewGuid()));
        // Received in February, accepted in March on its due date.
        var d4 = new QualityDossier("SNV-20260220-904", "Project", new DateOnly(2026, 2, 20));
        d4.Stages.Add(new("SNV", "intake", new DateOnly(2026, 2, 20), D(2), D(2), true, Guid.NewGuid()));
        Dossiers.AddRange([d1, d2, d3, d4]);

        foreach (var d in Dossiers)
            await PublishAsync(d);
        using var compiler = Monitoring.ClientAs("mobilisation.officer");
        await Eventually.Returns(async () =>
        {
            var index = JsonSerializer.Deserialize<QualityIndex>(await GetAsync(compiler, null), Json)!;
            return index.Province is { StagesEnded: 11, Apologies: 3, Ratings: 2, SupplementRequests: 1, Received: 3 } ? "settled" : null;
        }, "every scripted fact to be recorded", TimeSpan.FromSeconds(60));
        AsOf = DateTimeOffset.UtcNow;
        await Task.Delay(1500);
        JsonAtAsOf = await GetAsync(compiler, AsOf);

        // Later: D3's appraisal ends late in the period, and UBND tỉnh apologises for D1.
        var late = new ScriptedStage("STC", "appraisal", D(27), D(31), D(30), false, Guid.NewGuid());
        await Publish(AppraisalReport(d3, late));
        await Publish(new AppraisalApologyIssued(Meta(Guid.NewGuid(), D(30), "UBND", "appraisal"), d1.Id, d1.Code, ApologisingStage.Decision, D(27), D(31), "Chờ ý kiến", "Chủ tịch"));
        await Eventually.Returns(async () =>
        {
            var index = JsonSerializer.Deserialize<QualityIndex>(await GetAsync(compiler, null), Json)!;
            return index.Province is { StagesEnded: 12, Apologies: 4 } ? "later" : null;
        }, "the later facts to be recorded", TimeSpan.FromSeconds(60));
    }

    public static string Query(DateTimeOffset? asOf) =>
        $"/quality?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}" + (asOf is { } a ? "&asOf=" + Uri.EscapeDataString(a.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz")) : "");

    public static async Task<string> GetAsync(HttpClient client, DateTimeOffset? asOf)
    {
        var response = await client.GetAsync(Query(asOf));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return body;
    }

    private Task Publish(object message) => Registration.Services.GetRequiredService<IBus>().Publish(message);

    private static EventMetadata Meta(Guid id, DateOnly day, string agency, string service) =>
        new(id, new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(7)), "scripted", agency, "quality", null, service, 1);

    private async Task PublishAsync(QualityDossier d)
    {
        await Publish(new DossierReceived(Meta(d.ReceivedEvent, d.Received, "SNV", "registration"), d.Id, d.Code, d.NgoId, d.AidKind, d.Received, d.Received.AddDays(10))
        {
            SubmittedOnline = true,
        });
        if (d.Supplement is { } s)
            await Publish(new DossierSupplementRequested(Meta(s.EventId, s.On, "SNV", "registration"), d.Id, d.Code, ["Bản sao giấy đăng ký", "Văn bản cam kết"], s.On));
        foreach (var stage in d.Stages)
            await Publish(stage.Stage switch
            {
                "intake" => new DossierAccepted(Meta(stage.EventId, stage.End, "SNV", "registration"), d.Id, d.Code, d.NgoId, d.AidKind, [])
                {
                    ReceiptDate = stage.Start, AcceptedOn = stage.End, IntakeDueDate = stage.Due, IntakeOnTime = stage.OnTime,
                },
                "security" => new SecurityReviewConcluded(Meta(stage.EventId, stage.End, "CAT", "security"), d.Id, d.Code, SecurityVerdict.Cleared, [])
                {
                    ConcludedOn = stage.End, DueDate = stage.Due, OnTime = stage.OnTime,
                },
                "appraisal" => AppraisalReport(d, stage),
                _ => new DossierDecided(Meta(stage.EventId, stage.End, "UBND", "appraisal"), d.Id, d.Code, d.Outcome!.Value)
                {
                    DecisionDate = stage.End, DecisionDueDate = stage.Due, OnTime = stage.OnTime, NgoId = d.NgoId, AidKind = d.AidKind,
                    DecisionNumber = "9" + d.Code[^3..] + "/QĐ-UBND", Title = "Dự án " + d.Code, StartDate = stage.End, EndDate = stage.End.AddYears(1),
                    AmountVnd = 1_000_000_000m, Amount = 40_000m, Currency = "USD", NgoName = "Quality NGO", NgoCountry = "DE",
                },
            });
        foreach (var (agency, stage, on, eventId) in d.Apologies)
            await Publish(agency switch
            {
                "SNV" => new IntakeApologyIssued(Meta(eventId, on, agency, "registration"), d.Id, d.Code, on, on.AddDays(3), "Thiếu cán bộ", "Giám đốc"),
                "CAT" => new SecurityApologyIssued(Meta(eventId, on, agency, "security"), d.Id, d.Code, on, on.AddDays(7), "Cần xác minh thêm", "Giám đốc"),
                _ => (object)new AppraisalApologyIssued(Meta(eventId, on, agency, "appraisal"), d.Id, d.Code,
                    stage == "decision" ? ApologisingStage.Decision : ApologisingStage.Appraisal, on, on.AddDays(5), "Chờ ý kiến", "Giám đốc"),
            });
        if (d.Rating is { } r)
            await Publish(new ServiceRated(Meta(r.EventId, r.On, "NGO", "registration"), d.Id, d.Code, d.NgoId, r.Score, r.On));
    }

    private static AppraisalReportIssued AppraisalReport(QualityDossier d, ScriptedStage stage) =>
        new(Meta(stage.EventId, stage.End, "STC", "appraisal"), d.Id, d.Code, Recommendation.Approve, stage.End.AddDays(10))
        {
            OpenedOn = stage.Start, IssuedOn = stage.End, DueDate = stage.Due, OnTime = stage.OnTime,
        };
}
