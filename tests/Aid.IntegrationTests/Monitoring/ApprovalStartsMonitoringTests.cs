using Aid.Contracts.Monitoring;
using System.Net;
using Aid.Contracts.Appraisal;
using Aid.IntegrationTests.Infrastructure;
using Aid.Monitoring.Projects;
using Aid.ServiceDefaults;
using Aid.Domain.Calendar;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Published = Aid.Contracts.Monitoring;
using Xunit;

namespace Aid.IntegrationTests.ProjectMonitoring;

/// <summary>DossierDecided from the appraisal service, through RabbitMQ, into the monitoring service.</summary>
public sealed class ApprovalStartsMonitoringTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MonitoringScenario scenario = new(system);

    [Fact]
    public async Task An_approval_starts_monitoring_with_the_reporting_schedule_and_publishes_it()
    {
        var started = await scenario.Listen<Published.ProjectMonitoringStarted>();
        var today = scenario.Today;
        var decision = MonitoringScenario.Decision(DecisionOutcome.Approved, today.AddDays(-5), today.AddDays(-5), today.AddDays(800));

        await scenario.Publish(decision);
        var project = await scenario.WaitForProject(decision.DossierId);

        Assert.Equal((decision.ReceiptCode, decision.NgoId!.Value, decision.Title), (project.ReceiptCode, project.NgoId, project.Title));
        Assert.Equal((decision.DecisionNumber, decision.DecisionDate!.Value), (project.Decision.Number, project.Decision.Date));
        Assert.Equal((decision.StartDate!.Value, decision.EndDate!.Value, decision.AmountVnd), (project.Dates.StartDate, project.Dates.EndDate, project.AmountVnd));
        Assert.Equal(decision.Conditions, project.Decision.Conditions);
        Assert.Equal(MonitoringStatus.AwaitingImplementation, project.Status);
        Assert.Equal(decision.DecisionDate.Value.AddMonths(6), project.Dates.ImplementationDueBy);

        var calendar = system.Monitoring.Services.GetRequiredService<WorkingCalendar>();
        var expected = ReportingSchedule.Build(decision.StartDate.Value, decision.EndDate.Value, decision.DecisionDate.Value, 60, calendar);
        Assert.Equal(expected.Select(r => (r.Key, r.Kind, r.DueDate)), project.Reports.Select(r => (r.Key, r.Kind, r.DueDate)));
        // Over two years and more: at least two six-monthly and two annual reports, then the final one.
        Assert.True(project.Reports.Count(r => r.Kind == ReportKind.SixMonthly) >= 2);
        Assert.True(project.Reports.Count(r => r.Kind == ReportKind.Annual) >= 2);
        var final = project.Reports[^1];
        Assert.Equal(ReportKind.Final, final.Kind);
        Assert.InRange(final.DueDate, decision.EndDate.Value.AddDays(60), decision.EndDate.Value.AddDays(64));
        Assert.All(project.Reports.Where(r => r.Kind == ReportKind.SixMonthly), r => Assert.Equal((7, 6), (r.DueDate.Month, r.PeriodEnd.Month)));
        Assert.All(project.Reports.Where(r => r.Kind == ReportKind.Annual), r => Assert.Equal((1, r.PeriodEnd.Year + 1), (r.DueDate.Month, r.DueDate.Year)));
        Assert.Equal(project.Reports.Min(r => r.DueDate), project.NextReport!.DueDate);

        var published = await Eventually.Returns(() => Task.FromResult(started.FirstOrDefault(m => m.DossierId == decision.DossierId)),
            "ProjectMonitoringStarted to be published");
        Assert.Equal(project.Reports.Min(r => r.DueDate), published.FirstReportDue);
        Assert.Equal(decision.ReceiptCode, published.ReceiptCode);
        Assert.Equal("monitoring", published.Metadata.SourceService);

        await using var events = AidSystem.StoreOf(system.Monitoring).QuerySession();
        var stored = (await events.LoadAsync<MonitoredProject>(decision.DossierId))!.Summary;
        Assert.Equal((decision.NgoName, decision.NgoCountry, decision.AidKind), (stored.NgoName, stored.NgoCountry, stored.AidKind));
        Assert.Equal(decision.TitleEn, stored.TitleEn);
        Assert.Equal(decision.Fields, stored.Fields);
        Assert.Equal(decision.Locations, stored.Locations);
        Assert.Equal((decision.Amount, decision.Currency, decision.Objectives), (stored.Amount, stored.Currency, stored.Objectives));
        var first = Assert.Single(await events.Events.FetchStreamAsync(decision.DossierId));
        Assert.Equal(decision.Metadata.CorrelationId, first.CorrelationId);
        Assert.Equal(decision.Metadata.EventId.ToString(), first.CausationId);
        Assert.Equal("system", first.UserName);
    }

    [Fact]
    public async Task Refused_and_forwarded_decisions_start_nothing()
    {
        var today = scenario.Today;
        var refused = MonitoringScenario.Decision(DecisionOutcome.Refused, today, today, today.AddDays(100));
        var forwarded = MonitoringScenario.Decision(DecisionOutcome.ForwardedToPrimeMinister, today, today, today.AddDays(100));
        var marker = MonitoringScenario.Decision(DecisionOutcome.Approved, today, today, today.AddDays(100));

        await scenario.Publish(refused);
        await scenario.Publish(forwarded);
        await scenario.Publish(marker);
        await scenario.WaitForProject(marker.DossierId, what: "the marker approval");

        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Officer.GetAsync($"/projects/{refused.DossierId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Officer.GetAsync($"/projects/{forwarded.DossierId}")).StatusCode);
        await using var events = AidSystem.StoreOf(system.Monitoring).QuerySession();
        Assert.Null(await events.Events.FetchStreamStateAsync(refused.DossierId));
        Assert.Null(await events.Events.FetchStreamStateAsync(forwarded.DossierId));
    }

    [Fact]
    public async Task A_duplicate_approval_changes_nothing()
    {
        var (decision, project) = await scenario.ApprovedProject();
        var trancheAdded = await MonitoringScenario.Post(scenario.Officer, $"/projects/{decision.DossierId}/tranches",
            new { amount = 1000m, currency = "USD", receivedOn = scenario.Today, note = "đợt 1" });
        Assert.Equal(HttpStatusCode.OK, trancheAdded.StatusCode);

        // The same message redelivered, and another approval message for the same dossier (a new event id).
        await scenario.Publish(decision);
        await scenario.Publish(decision);
        var secondApproval = Guid.NewGuid();
        await scenario.Publish(decision with
        {
            Metadata = decision.Metadata with { EventId = secondApproval },
            EndDate = decision.EndDate!.Value.AddDays(500),
        });
        var marker = MonitoringScenario.Decision(DecisionOutcome.Approved, scenario.Today, scenario.Today, scenario.Today.AddDays(10));
        await scenario.Publish(marker);
        await scenario.WaitForProject(marker.DossierId, what: "the marker approval");
        // UBND tỉnh decides once: the second approval is refused and set aside for the operators.
        var (_, refused) = await DeadLetterProbe.ParkedAsync(system.Monitoring, secondApproval.ToString());
        Assert.Contains("is already monitored", refused.FaultMessage);
        await Task.Delay(500);

        var after = await scenario.Get(decision.DossierId);
        Assert.Equal(2, after.Version);
        Assert.Equal(project.Dates.EndDate, after.Dates.EndDate);
        Assert.Single(after.Tranches);
        Assert.Equal(project.Reports.Select(r => r.Key), after.Reports.Select(r => r.Key));
    }

    [Fact]
    public async Task Each_consumer_handles_an_event_once_whatever_another_consumer_of_it_did()
    {
        var decision = MonitoringScenario.Decision(DecisionOutcome.Approved, scenario.Today, scenario.Today, scenario.Today.AddDays(100));
        var store = AidSystem.StoreOf(system.Monitoring);

        await using (var first = store.LightweightSession())
        {
            Assert.True(await first.IsFirstDeliveryAsync(new OneConsumer(), decision, CancellationToken.None));
            await first.SaveChangesAsync();
        }
        await using (var second = store.LightweightSession())
        {
            Assert.True(await second.IsFirstDeliveryAsync(new AnotherConsumer(), decision, CancellationToken.None));
            Assert.False(await second.IsFirstDeliveryAsync(new OneConsumer(), decision, CancellationToken.None));
            await second.SaveChangesAsync();
        }
        await using (var redelivery = store.LightweightSession())
            Assert.False(await redelivery.IsFirstDeliveryAsync(new AnotherConsumer(), decision, CancellationToken.None));

        await using var query = store.QuerySession();
        var handled = await query.Query<HandledIntegrationEvent>().Where(h => h.EventId == decision.Metadata.EventId).ToListAsync();
        Assert.Equal(["AnotherConsumer", "OneConsumer"], handled.Select(h => h.Consumer).Order());
    }

    private sealed class OneConsumer;
    private sealed class AnotherConsumer;

    [Fact]
    public async Task An_approval_lacking_what_monitoring_needs_starts_nothing_and_blocks_nothing()
    {
        var today = scenario.Today;
        var broken = MonitoringScenario.Decision(DecisionOutcome.Approved, today, today, today.AddDays(100)) with { DecisionNumber = null };
        var backwards = MonitoringScenario.Decision(DecisionOutcome.Approved, today, today, today.AddDays(-1));
        var marker = MonitoringScenario.Decision(DecisionOutcome.Approved, today, today, today.AddDays(100));

        await scenario.Publish(broken);
        await scenario.Publish(backwards);
        await scenario.Publish(marker);
        await scenario.WaitForProject(marker.DossierId, what: "the marker approval");

        // Refused by the consumer: retried a few times, then parked in the error queue, never half-written.
        await using var query = AidSystem.StoreOf(system.Monitoring).QuerySession();
        Assert.Null(await query.Events.FetchStreamStateAsync(broken.DossierId));
        Assert.Null(await query.Events.FetchStreamStateAsync(backwards.DossierId));
        Assert.False(await query.Query<HandledIntegrationEvent>().AnyAsync(h => h.EventId == broken.Metadata.EventId));
    }
}
