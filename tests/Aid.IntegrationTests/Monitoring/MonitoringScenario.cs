using Aid.Contracts.Desks;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.IntegrationTests.Infrastructure;
using Aid.Monitoring.Projects;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Identity;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Aid.IntegrationTests.ProjectMonitoring;

/// <summary>Drives the monitoring service the way the system does: approvals arrive as contracts on the bus.</summary>
public sealed class MonitoringScenario(AidSystem system)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public DateOnly Today => system.Clock.VietnamToday();

    public HttpClient Officer => system.Monitoring.ClientAs("monitoring.officer");

    public static DossierDecided Decision(DecisionOutcome outcome, DateOnly decisionDate, DateOnly start, DateOnly end, Guid? ngoId = null) =>
        new(new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow, "decision.maker", "UBND", "corr-" + Guid.NewGuid(), null, "appraisal", 1),
            Guid.NewGuid(), TestCodes.Receipt(decisionDate), outcome)
        {
            DecisionNumber = outcome == DecisionOutcome.Approved ? TestCodes.Decision() : null,
            DecisionDate = decisionDate,
            Signer = "Chủ tịch UBND tỉnh",
            Conditions = ["Báo cáo định kỳ đúng hạn"],
            Reasons = outcome == DecisionOutcome.Refused ? "Không phù hợp" : null,
            NgoId = ngoId ?? Guid.NewGuid(),
            Title = "Nước sạch cho trường học",
            TitleEn = "Clean water for schools",
            AmountVnd = 2_500_000_000m,
            StartDate = start,
            EndDate = end,
            NgoName = "Clean Water Foundation",
            NgoCountry = "Hoa Kỳ",
            AidKind = "Project",
            Fields = ["Nước sạch và vệ sinh môi trường"],
            Locations = ["Xã Tân Lập, huyện Đông Sơn"],
            Amount = 100_000m,
            Currency = "USD",
            Objectives = "Cấp nước sạch cho 3 trường tiểu học.",
        };

    public Task Publish(object message) => system.Registration.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>Approves a project decided and started today (by default) that runs for a year, and waits until it is monitored.</summary>
    public async Task<(DossierDecided Decision, ProjectDeskView Project)> ApprovedProject(Guid? ngoId = null, int decidedDaysAgo = 0)
    {
        var decided = Today.AddDays(-decidedDaysAgo);
        var decision = Decision(DecisionOutcome.Approved, decided, decided, Today.AddDays(365), ngoId);
        await Publish(decision);
        return (decision, await WaitForProject(decision.DossierId));
    }

    /// <summary>
    /// A project decided over a year ago, so its first reports' periods have ended, once the overdue scan has flagged
    /// what it will (overdue reports, delayed implementation): commands that follow do not race the scan.
    /// </summary>
    public async Task<(DossierDecided Decision, ProjectDeskView Project)> ApprovedLongAgo(Guid? ngoId = null)
    {
        var (decision, _) = await ApprovedProject(ngoId, decidedDaysAgo: 400);
        var today = Today;
        var settled = await WaitForProject(decision.DossierId, p => p.Flags.Contains("implementation-delayed")
            && p.Reports.Where(r => r.DueDate < today && r.ReceivedOn is null).All(r => r.FlaggedOverdue), "the overdue scan to settle");
        return (decision, settled);
    }

    public async Task<ProjectDeskView> WaitForProject(Guid id, Func<ProjectDeskView, bool>? until = null, string what = "the project") =>
        await Eventually.Returns(async () =>
        {
            var response = await Officer.GetAsync($"/projects/{id}");
            if (response.StatusCode != HttpStatusCode.OK) return null;
            var project = await response.Content.ReadFromJsonAsync<ProjectDeskView>(Json);
            return until is null || until(project!) ? project : null;
        }, what);

    public async Task<ProjectDeskView> Get(Guid id, HttpClient? client = null) =>
        (await (client ?? Officer).GetFromJsonAsync<ProjectDeskView>($"/projects/{id}", Json))!;

    public static Task<HttpResponseMessage> Post(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body, Json);

    public static async Task<JsonElement> Problem(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    public static HttpClient Another(AidSystem system, string role, string agency) =>
        system.Monitoring.ClientAs(new DevelopmentUser($"{role}.{agency}", role, role, agency));

    /// <summary>Collects the contracts of type T the services publish on the test class's vhost.</summary>
    public async Task<ConcurrentQueue<T>> Listen<T>() where T : class
    {
        var received = new ConcurrentQueue<T>();
        var bus = system.Registration.Services.GetRequiredService<IBus>();
        var handle = bus.ConnectReceiveEndpoint($"monitoring-probe-{typeof(T).Name}-{Guid.NewGuid():N}", e =>
            e.Handler<T>(context => { received.Enqueue(context.Message); return Task.CompletedTask; }));
        await handle.Ready;
        return received;
    }
}
