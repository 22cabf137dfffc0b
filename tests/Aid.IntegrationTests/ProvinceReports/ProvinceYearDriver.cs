using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>
/// Plays the scripted year into the system. What other services publish (registry changes, receipts, stage
/// conclusions, decisions, the mobilisation plan and catalogue) is published on the bus with the contracts' exact
/// shapes, as those services do; monitoring (projects, tranches, inspections, reports) goes through Monitoring's API.
/// </summary>
public sealed class ProvinceYearDriver(AidSystem system, ProvinceYear year)
{
    public static readonly JsonSerializerOptions Json = Aid.IntegrationTests.ProjectMonitoring.MonitoringScenario.Json;
    public const string Base = "/province-reports/annual/2026?periodStart=2026-01-01&periodEnd=2026-12-31";

    public Guid ReviewTask { get; private set; }

    public HttpClient Officer { get; } = system.Monitoring.ClientAs("monitoring.officer");
    public HttpClient Compiler { get; } = system.Monitoring.ClientAs("mobilisation.officer");

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));

    private static EventMetadata Meta(DateOnly day, string agency, string service) =>
        new(Guid.NewGuid(), At(day), "scripted." + agency.ToLowerInvariant(), agency, "year-" + Guid.NewGuid().ToString("N"), null, service, 1);

    public Task Publish(object message) => system.Registration.Services.GetRequiredService<IBus>().Publish(message);

    public async Task PlayAsync()
    {
        foreach (var ngo in year.Ngos)
        {
            await Publish(Registry(ngo, NgoRegistryChange.Registered, ngo.RegisteredOn, NgoStanding.Active));
            if (ngo.SuspendedOn is { } suspended)
                await Publish(Registry(ngo, NgoRegistryChange.Suspended, suspended, NgoStanding.Suspended));
        }
        foreach (var dossier in year.Dossiers)
            await PublishDossier(dossier);
        foreach (var (adopted, targets) in year.Plans)
            await Publish(new MobilisationPlanAdopted(Meta(adopted, "SNV", "registration"), Guid.NewGuid(), 2026,
                targets.Select(t => new SectorTarget(t.Sector, t.Target)).ToList()));
        foreach (var (published, funded) in year.Catalogue)
        {
            var entry = Guid.NewGuid();
            await Publish(new CatalogueEntryPublished(Meta(published, "SNV", "registration"), entry, TestCodes.CatalogueEntry(),
                "Trạm y tế", "Health station", "Y tế", "Xã Phú Lý", 1_000_000_000m, published, published.AddYears(1)));
            if (funded is not null)
                await Publish(new CatalogueEntryFunded(Meta(published.AddDays(30), "SNV", "registration"), entry, Guid.NewGuid(),
                    Enum.Parse<FundingLevel>(funded), 500_000_000m));
        }

        foreach (var dossier in year.Dossiers.Where(d => d.Approved))
            await WaitForProject(dossier.Id);
        foreach (var dossier in year.Dossiers.Where(d => d.ImplementationStarted is not null))
            await Act($"/projects/{dossier.Id}/implementation-started", new { startedOn = dossier.ImplementationStarted });
        foreach (var tranche in year.Tranches)
            await Act($"/projects/{tranche.Dossier.Id}/tranches", new { amount = tranche.Amount, currency = tranche.Currency, receivedOn = tranche.On, note = $"{tranche.On:yyyy-MM-dd}" });
        var tasks = new PlanTaskDriver(system);
        var review = await tasks.Create(PlanTaskDriver.Task("Rà soát hoạt động của các tổ chức PCPNN", "CAT", ["STC", "SYT"], new DateOnly(2026, 6, 30)));
        await tasks.Progress("security.officer", review.Id, 50);
        await tasks.Progress("appraiser", review.Id, 100);
        await tasks.Contribute("appraiser", review.Id, ProvinceYear.FinanceContribution);
        ReviewTask = review.Id;
        var statistics = await tasks.Create(PlanTaskDriver.Task("Tổng hợp số liệu viện trợ", "SNV", [], new DateOnly(2026, 12, 31)));
        await tasks.Progress("monitoring.officer", statistics.Id, 100);
        await tasks.Create(PlanTaskDriver.Task("Nhiệm vụ năm 2025", "SNV", [], new DateOnly(2025, 12, 31), year: 2025));
        foreach (var inspection in year.Inspections)
            await Act($"/projects/{inspection.Dossier.Id}/inspections", new { inspectedOn = inspection.On, team = new[] { "Trần Văn Kiểm" }, findings = "Kiểm tra định kỳ.", verdict = inspection.Verdict });
    }

    public NgoRegistryChanged Registry(ScriptedNgo ngo, NgoRegistryChange change, DateOnly on, NgoStanding standing) =>
        new(Meta(on, "SNV", "registration"), ngo.Id, change, ngo.Name, ngo.Country, ngo.CertificateKind, "GDK-" + ngo.Id.ToString("N")[..6],
            ngo.CertificateFrom, ngo.CertificateTo, standing);

    public async Task PublishDossier(ScriptedDossier d)
    {
        await Publish(new DossierReceived(Meta(d.Received, "SNV", "registration"), d.Id, d.ReceiptCode, d.Ngo.Id, d.AidKind, d.Received, d.Received.AddDays(20))
        {
            Fields = [d.Sector], Locations = [d.Commune], AmountVnd = d.AmountVnd,
        });
        if (d.Accepted is { } accepted)
            await Publish(new DossierAccepted(Meta(accepted, "SNV", "registration"), d.Id, d.ReceiptCode, d.Ngo.Id, d.AidKind, [])
            {
                NgoName = d.Ngo.Name, NgoCountry = d.Ngo.Country, Fields = [d.Sector], Locations = [d.Commune], Amount = d.Amount,
                Currency = d.Currency, AmountVnd = d.AmountVnd, ReceiptDate = d.Received, AcceptedOn = accepted,
                IntakeDueDate = d.Received.AddDays(7), IntakeOnTime = d.IntakeOnTime,
            });
        if (d.SecurityConcluded is { } concluded)
            await Publish(new SecurityReviewConcluded(Meta(concluded, "CAT", "security"), d.Id, d.ReceiptCode, SecurityVerdict.Cleared, [])
            {
                ConcludedOn = concluded, DueDate = concluded, OnTime = d.SecurityOnTime,
            });
        if (d.AppraisalIssued is { } issued)
            await Publish(new AppraisalReportIssued(Meta(issued, "STC", "appraisal"), d.Id, d.ReceiptCode, Recommendation.Approve, issued.AddDays(14))
            {
                OpenedOn = d.AppraisalOpened, IssuedOn = issued, DueDate = issued, OnTime = d.AppraisalOnTime,
            });
        if (d.Decided is { } decided)
            await Publish(Decision(d, decided));
        if (d.Withdrawn is { } withdrawn)
            await Publish(new DossierWithdrawn(Meta(withdrawn, "NGO", "registration"), d.Id, d.ReceiptCode, "Nhà tài trợ rút vốn"));
    }

    public DossierDecided Decision(ScriptedDossier d, DateOnly decided) =>
        new(Meta(decided, "UBND", "appraisal"), d.Id, d.ReceiptCode, d.Outcome!.Value)
        {
            DecisionNumber = d.Approved ? TestCodes.Decision() : null,
            DecisionDate = decided, Signer = "Chủ tịch UBND tỉnh", NgoId = d.Ngo.Id, Title = "Dự án " + d.Name,
            AmountVnd = d.AmountVnd, StartDate = decided, EndDate = decided.AddYears(1), DecisionDueDate = decided,
            OnTime = d.DecisionOnTime, NgoName = d.Ngo.Name, NgoCountry = d.Ngo.Country, AidKind = d.AidKind,
            Fields = [d.Sector], Locations = [d.Commune], Amount = d.Amount, Currency = d.Currency,
        };

    public async Task WaitForProject(Guid id) =>
        await Eventually.Returns(async () => (await Officer.GetAsync($"/projects/{id}")).StatusCode == HttpStatusCode.OK ? "monitored" : null,
            "the approved project to be monitored");

    /// <summary>A monitoring command; retried when the overdue scanner appended to the project at the same moment (409).</summary>
    public async Task Act(string path, object body)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await Officer.PostAsJsonAsync(path, body, Json);
            if (response.IsSuccessStatusCode) return;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Conflict && attempt < 5 && text.Contains("concurren", StringComparison.OrdinalIgnoreCase),
                $"{path}: {(int)response.StatusCode} {text}");
            await Task.Delay(200);
        }
    }

    public async Task<string> ReportJson(HttpClient client, string query = "")
    {
        var response = await client.GetAsync(Base + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return body;
    }

    public async Task<Aid.Monitoring.Reporting.ProvinceReport> Report(string query = "") =>
        JsonSerializer.Deserialize<Aid.Monitoring.Reporting.ProvinceReport>(await ReportJson(Compiler, query), Json)!;

    public static string CutOffQuery(DateTimeOffset cutOff) => "&cutOff=" + Uri.EscapeDataString(cutOff.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz"));
}
