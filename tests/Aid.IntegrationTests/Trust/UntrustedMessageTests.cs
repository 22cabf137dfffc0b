using System.Net;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Monitoring;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.ProjectMonitoring;
using Aid.ServiceDefaults;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.Trust;

/// <summary>
/// Forged, stale, self-caused, unknown-dossier and wrong-publisher messages, published on the real broker as anyone
/// with broker access could: every consumer that gets one sets it aside in its _error queue with the reason (the
/// operators' dead-letter view), and no store changes.
/// </summary>
public sealed class UntrustedMessageTests(TrustFixture system) : IClassFixture<TrustFixture>
{
    /// <summary>Where a refused message must be set aside: the service, the consumer's queue, a part of the reason.</summary>
    public sealed record SetAside(string Service, string Consumer, string Reason);

    public sealed record Case(Func<TrustFixture, IIntegrationEvent> Message, params SetAside[] Where);

    private const string Progress = "progress-from-other-agencies";
    private const string Facts = "record-report-facts";
    private const string Conclusion = "record-security-conclusion";

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["self-caused-conclusion"] = new(f => Concluded(f, Meta("security") is var m ? m with { CausationId = m.EventId.ToString() } : null!),
            new SetAside("registration", Progress, "causation id is its own event id"),
            new SetAside("appraisal", Conclusion, "causation id is its own event id"),
            new SetAside("monitoring", Facts, "causation id is its own event id")),
        ["conclusion-published-by-registration"] = new(f => Concluded(f, Meta("registration")),
            new SetAside("registration", Progress, "only security publishes"),
            new SetAside("appraisal", Conclusion, "only security publishes")),
        ["acceptance-published-by-security"] = new(_ => new DossierAccepted(Meta("security"), Guid.NewGuid(), "SNV-20000101-998", Guid.NewGuid(), "Project", []),
            new SetAside("security", "open-review-when-dossier-accepted", "only registration publishes"),
            new SetAside("appraisal", "record-dossier-summary", "only registration publishes"),
            new SetAside("monitoring", Facts, "only registration publishes")),
        ["conclusion-for-a-dossier-nobody-submitted"] = new(
            _ => new SecurityReviewConcluded(Meta("security"), TrustFixture.Nobody, "SNV-20000101-999", SecurityVerdict.Cleared, []),
            new SetAside("registration", Progress, "is unknown here"),
            new SetAside("appraisal", Conclusion, "is unknown here"),
            new SetAside("monitoring", Facts, "is unknown here")),
        ["conclusion-with-another-receipt-code"] = new(f => Concluded(f, Meta("security")) with { ReceiptCode = "SNV-20000101-999" },
            new SetAside("registration", Progress, "receipt code"),
            new SetAside("appraisal", Conclusion, "receipt code"),
            new SetAside("monitoring", Facts, "receipt code")),
        ["second-acceptance-of-a-dossier"] = new(f => new DossierAccepted(Meta("registration"), f.Accepted.DossierId,
                f.Accepted.ReceiptCode, f.AcceptedNgo, "Project", ["Religion"]),
            new SetAside("security", "open-review-when-dossier-accepted", "was accepted before"),
            new SetAside("appraisal", "record-dossier-summary", "summary was recorded before"),
            new SetAside("monitoring", Facts, "was recorded before")),
        ["stale-appraisal-opened-on-a-closed-dossier"] = new(f => new AppraisalOpened(
                Meta("appraisal", DateTimeOffset.UtcNow.AddDays(-120), actor: "appraiser"), f.Closed.DossierId, f.Closed.ReceiptCode,
                DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-90))),
            new SetAside("registration", Progress, "does not admit this step")),
        ["second-conclusion-after-the-decision"] = new(f => new SecurityReviewConcluded(Meta("security"), f.Closed.DossierId,
                f.Closed.ReceiptCode, SecurityVerdict.Objection, []),
            new SetAside("registration", Progress, "does not admit this step"),
            new SetAside("appraisal", Conclusion, "security already concluded"),
            new SetAside("monitoring", Facts, "was recorded before")),
        ["monitoring-started-before-any-decision"] = new(f => new ProjectMonitoringStarted(Meta("monitoring"), f.Accepted.DossierId,
                f.Accepted.ReceiptCode, DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6))),
            new SetAside("registration", Progress, "does not admit this step")),
        ["stale-status-change-of-a-closed-project"] = new(f => new ProjectStatusChanged(Meta("monitoring", DateTimeOffset.UtcNow.AddDays(-200)),
                f.Closed.DossierId, f.Closed.ReceiptCode, ProjectStatus.Suspended, "forged"),
            new SetAside("registration", Progress, "does not admit this step")),
        ["withdrawal-of-a-dossier-nobody-submitted"] = new(
            _ => new DossierWithdrawn(Meta("registration"), TrustFixture.Nobody, "SNV-20000101-999", "forged"),
            new SetAside("security", "close-review-when-dossier-withdrawn", "is unknown here"),
            new SetAside("appraisal", "close-when-dossier-withdrawn", "is unknown here"),
            new SetAside("monitoring", Facts, "is unknown here")),
        ["aid-for-a-dossier-nobody-submitted"] = new(_ => new AidReceived(Meta("monitoring"), TrustFixture.Nobody, "SNV-20000101-999",
                Guid.NewGuid(), 1_000m, "USD", DateOnly.FromDateTime(DateTime.UtcNow)) { AmountVnd = 25_000_000m },
            new SetAside("registration", "aid-received-for-catalogue", "is unknown here")),
        ["approval-published-by-monitoring"] = new(_ => MonitoringScenario.Decision(DecisionOutcome.Approved,
                DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)))
            is var d ? d with { Metadata = Meta("monitoring") } : null!,
            new SetAside("monitoring", "start-monitoring-when-dossier-approved", "only appraisal publishes"),
            new SetAside("registration", Progress, "only appraisal publishes")),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory, MemberData(nameof(CaseNames))]
    public async Task An_untrusted_message_is_set_aside_with_its_reason_and_changes_no_store(string name)
    {
        var @case = Cases[name];
        var message = @case.Message(system);
        var before = await system.SnapshotAsync();

        await system.Registration.Services.GetRequiredService<IBus>().Publish(message, message.GetType());

        var eventId = message.Metadata.EventId.ToString();
        foreach (var where in @case.Where)
        {
            var parked = await DeadLetterProbe.ParkedAsync(system.Service(where.Service), eventId,
                p => p.Queue.EndsWith(where.Consumer + "_error", StringComparison.Ordinal));
            Assert.Contains(where.Reason, parked.Letter.FaultMessage);
            Assert.Equal(typeof(ServiceDefaults.Messaging.RefusedMessage).FullName, parked.Letter.ExceptionType);
        }
        Assert.Equal(before, await system.SnapshotAsync());
        foreach (var service in TrustFixture.Services)
        {
            await using var session = DeadLetterProbe.Store(system.Service(service)).QuerySession();
            Assert.False(await session.Query<HandledIntegrationEvent>().AnyAsync(h => h.EventId == message.Metadata.EventId));
        }
    }

    [Fact]
    public async Task A_conclusion_for_a_dossier_nobody_submitted_creates_no_appraisal()
    {
        var message = new SecurityReviewConcluded(Meta("security"), Guid.NewGuid(), "SNV-20000101-999", SecurityVerdict.Cleared, []);
        await system.Registration.Services.GetRequiredService<IBus>().Publish(message);
        await DeadLetterProbe.ParkedAsync(system.Appraisal, message.Metadata.EventId.ToString());

        using var appraiser = system.Appraisal.ClientAs("appraiser");
        Assert.Equal(HttpStatusCode.NotFound, (await appraiser.GetAsync($"/appraisals/{message.DossierId}")).StatusCode);
    }

    [Fact]
    public async Task A_conclusion_parked_before_its_dossier_was_known_is_redriven_once_it_is()
    {
        var dossierId = Guid.NewGuid();
        var receiptCode = "SNV-20261123-" + dossierId.ToString("N")[..6];
        var bus = system.Registration.Services.GetRequiredService<IBus>();
        var concluded = new SecurityReviewConcluded(Meta("security"), dossierId, receiptCode, SecurityVerdict.Cleared, []);
        await bus.Publish(concluded);
        var parked = await DeadLetterProbe.ParkedAsync(system.Appraisal, concluded.Metadata.EventId.ToString(),
            p => p.Queue.EndsWith(Conclusion + "_error", StringComparison.Ordinal));

        await bus.Publish(new DossierAccepted(Meta("registration"), dossierId, receiptCode, Guid.NewGuid(), "Project", []));
        await Eventually.Returns(async () =>
        {
            await using var session = AidSystem.StoreOf(system.Appraisal).QuerySession();
            return await session.LoadAsync<Appraisal.Appraisals.DossierAppraisal>(dossierId);
        }, "the dossier summary");
        using var admin = system.Appraisal.ClientAs("admin");
        var redrive = await admin.PostAsync($"/operations/dead-letters/{parked.Queue}/redrive?messageId={Uri.EscapeDataString(parked.Letter.MessageId)}", null);
        Assert.Equal(HttpStatusCode.OK, redrive.StatusCode);

        var open = await Eventually.Returns(async () =>
        {
            await using var session = AidSystem.StoreOf(system.Appraisal).QuerySession();
            return await session.LoadAsync<Appraisal.Appraisals.DossierAppraisal>(dossierId) is { Status: Aid.Contracts.Appraisal.AppraisalStatus.Appraising } a
                ? a : null;
        }, "the appraisal to open from the re-driven conclusion");
        Assert.Equal(SecurityVerdict.Cleared, open.Security!.Verdict);
    }

    private static SecurityReviewConcluded Concluded(TrustFixture f, EventMetadata metadata) =>
        new(metadata, f.Accepted.DossierId, f.Accepted.ReceiptCode, SecurityVerdict.Cleared, []);

    private static EventMetadata Meta(string source, DateTimeOffset? at = null, string actor = "forger") =>
        new(Guid.NewGuid(), at ?? DateTimeOffset.UtcNow, actor, "X", "forged-" + Guid.NewGuid(), null, source, 1);
}
