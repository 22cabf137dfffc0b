using System.Net;
using Aid.IntegrationTests.Infrastructure;
using Published = Aid.Contracts.Monitoring;
using Xunit;

namespace Aid.IntegrationTests.ProjectMonitoring;

/// <summary>Recording a tranche publishes AidReceived, valued in VND at the approved rate when it can be.</summary>
public sealed class AidReceivedTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MonitoringScenario scenario = new(system);

    [Fact]
    public async Task Each_recorded_tranche_is_published_with_its_value_in_VND_when_the_rate_is_known()
    {
        var received = await scenario.Listen<Published.AidReceived>();
        // Approved: 100,000 USD = 2,500,000,000 VND, so 25,000 VND per USD.
        var (decision, _) = await scenario.ApprovedProject(decidedDaysAgo: 3);
        var id = decision.DossierId;

        foreach (var tranche in new[]
        {
            new { amount = 40_000.5m, currency = "USD", receivedOn = scenario.Today.AddDays(-1) },
            new { amount = 300_000_000m, currency = "VND", receivedOn = scenario.Today },
            new { amount = 1_000m, currency = "EUR", receivedOn = scenario.Today },
        })
            Assert.Equal(HttpStatusCode.OK, (await MonitoringScenario.Post(scenario.Officer, $"/projects/{id}/tranches", tranche)).StatusCode);

        var messages = await Eventually.Returns(() => Task.FromResult(
            received.Where(m => m.DossierId == id).OrderBy(m => m.Metadata.SourceSequence).ToList() is { Count: 3 } all ? all : null),
            "three AidReceived messages");
        Assert.Equal([("USD", 40_000.5m, (decimal?)1_000_012_500m), ("VND", 300_000_000m, 300_000_000m), ("EUR", 1_000m, null)],
            messages.Select(m => (m.Currency, m.Amount, m.AmountVnd)));
        Assert.All(messages, m => Assert.Equal(decision.ReceiptCode, m.ReceiptCode));
        Assert.Equal(scenario.Today.AddDays(-1), messages[0].ReceivedOn);
        Assert.Equal("monitoring.officer", messages[0].Metadata.Actor);

        var project = await scenario.Get(id);
        Assert.Equal(messages.Select(m => (m.TrancheId, m.AmountVnd)), project.Tranches.Select(t => (t.Id, t.AmountVnd)));
    }
}
