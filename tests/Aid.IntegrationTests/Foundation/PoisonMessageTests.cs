using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Aid.IntegrationTests.Infrastructure;
using Aid.Security.Reviews;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Messaging;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using Xunit;

namespace Aid.IntegrationTests.Foundation;

/// <summary>
/// Messages that cannot be read or break the rules of integration events, published straight to the consumers'
/// queues: each lands in the queue's _error (or _skipped) queue with its reason, writes nothing, and does not stop the
/// valid message sent right after it. Operators see them at /operations/dead-letters and re-drive them.
/// </summary>
public sealed class PoisonMessageTests(PoisonMessageTests.FastRetries system) : IClassFixture<PoisonMessageTests.FastRetries>
{
    public sealed class FastRetries : AidSystem
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Bus:RetryIntervalsMs:0"] = "50",
            ["Bus:RetryIntervalsMs:1"] = "100",
        };
    }

    private const string Envelope = "application/vnd.masstransit+json";
    private const string Accepted = "Aid.Contracts.Registration:DossierAccepted";
    private const string Concluded = "Aid.Contracts.Security:SecurityReviewConcluded";
    private const string Decided = "Aid.Contracts.Appraisal:DossierDecided";

    /// <summary>
    /// A poison message: the consumer queue it is sent to and the type that consumer takes (the valid message sent after
    /// it has that type), how it is broken, where it must land and the reason it must carry.
    /// </summary>
    public sealed record Poison(string Service, string Consumer, string MessageType, string ContentType,
        Func<Guid, JsonObject, byte[]> Body, string Lands, string? Reason);

    private static readonly Dictionary<string, Poison> Cases = new()
    {
        ["garbage-bytes"] = new("security", "open-review-when-dossier-accepted", Accepted, Envelope,
            (marker, _) => [.. Encoding.ASCII.GetBytes(marker + " "), 0xFF, 0xFE, 0x00, 0x9C, 0x81, 0x07], BusQueues.ErrorSuffix, null),
        ["invalid-json"] = new("security", "open-review-when-dossier-accepted", Accepted, Envelope,
            (marker, _) => Encoding.UTF8.GetBytes($$"""{"messageId":"{{marker}}","messageType":["urn:message:{{Accepted}}"],"message":{"dossierId":"""),
            BusQueues.ErrorSuffix, null),
        // MassTransit reads a body of an unknown content type with its default (envelope) deserialiser.
        ["wrong-content-type"] = new("security", "open-review-when-dossier-accepted", Accepted, "application/xml",
            (marker, _) => Encoding.UTF8.GetBytes($"<dossierAccepted id=\"{marker}\"><receiptCode>SNV-1</receiptCode></dossierAccepted>"),
            BusQueues.ErrorSuffix, null),
        ["raw-json-without-envelope"] = new("security", "open-review-when-dossier-accepted", Accepted, "application/json",
            (marker, message) => Encoding.UTF8.GetBytes($$"""{"marker":"{{marker}}","message":{{message.ToJsonString()}}}"""),
            BusQueues.SkippedSuffix, null),
        ["unknown-message-type"] = new("security", "open-review-when-dossier-accepted", Accepted, Envelope,
            Wrap("Aid.Contracts.Registration:DossierTeleported"), BusQueues.SkippedSuffix, null),
        ["missing-dossier-id"] = new("security", "open-review-when-dossier-accepted", Accepted, Envelope,
            Wrap(Accepted, m => m.Remove("dossierId")), BusQueues.ErrorSuffix, "DossierId is required"),
        ["missing-metadata"] = new("security", "open-review-when-dossier-accepted", Accepted, Envelope,
            Wrap(Accepted, m => m.Remove("metadata")), BusQueues.ErrorSuffix, "Metadata is required"),
        ["over-long-receipt-code"] = new("security", "open-review-when-dossier-accepted", Accepted, Envelope,
            Wrap(Accepted, m => m["receiptCode"] = new string('9', 5_000)), BusQueues.ErrorSuffix, "ReceiptCode is required"),
        ["wrong-json-type"] = new("security", "open-review-when-dossier-accepted", Accepted, Envelope,
            Wrap(Accepted, m => m["dossierId"] = 12345), BusQueues.ErrorSuffix, null),
        ["negative-amount"] = new("appraisal", "record-dossier-summary", Accepted, Envelope,
            Wrap(Accepted, m => m["amountVnd"] = -1_000), BusQueues.ErrorSuffix, "AmountVnd must not be negative"),
        ["end-before-start"] = new("appraisal", "record-dossier-summary", Accepted, Envelope,
            Wrap(Accepted, m => { m["startDate"] = "2027-01-01"; m["endDate"] = "2026-01-01"; }), BusQueues.ErrorSuffix, "EndDate is before StartDate"),
        // Consumers whose valid message can come first for a dossier (a conclusion needs a dossier known there).
        ["unknown-enum-number"] = new("monitoring", "start-monitoring-when-dossier-approved", Decided, Envelope,
            Wrap(Decided, m => m["outcome"] = 99), BusQueues.ErrorSuffix, "Outcome has an unknown value 99"),
        ["unknown-enum-name"] = new("monitoring", "start-monitoring-when-dossier-approved", Decided, Envelope,
            Wrap(Decided, m => m["outcome"] = "Bogus"), BusQueues.ErrorSuffix, null),
        ["approval-without-dates"] = new("monitoring", "start-monitoring-when-dossier-approved", Decided, Envelope,
            Wrap(Decided, m => { m.Remove("startDate"); m.Remove("endDate"); }), BusQueues.ErrorSuffix, "lacks StartDate, EndDate"),
        ["date-out-of-range"] = new("monitoring", "start-monitoring-when-dossier-approved", Decided, Envelope,
            Wrap(Decided, m => m["endDate"] = "9999-12-31"), BusQueues.ErrorSuffix, "EndDate is out of range"),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory, MemberData(nameof(CaseNames))]
    public async Task A_poison_message_is_set_aside_with_its_reason_changes_nothing_and_blocks_nothing(string name)
    {
        var poison = Cases[name];
        var service = Service(poison.Service);
        var queue = QueueOf(service, poison.Consumer);
        var (marker, message) = (Guid.NewGuid(), ValidMessage(poison.MessageType));
        var eventId = EventIdOf(message);
        var dossierId = Guid.Parse((string)message["dossierId"]!);

        await using var broker = await Broker.ConnectAsync(system.RabbitMq);
        await broker.PublishAsync(queue, poison.ContentType, marker, poison.Body(marker, message));
        var (validId, valid) = (Guid.NewGuid(), ValidMessage(poison.MessageType));
        await broker.PublishAsync(queue, Envelope, validId, Wrap(poison.MessageType)(validId, valid));

        var letter = await DeadLetterAsync(service, queue + poison.Lands, marker);
        Assert.True(letter.Reason is not null || letter.FaultMessage is not null, $"{name}: no reason recorded");
        if (poison.Reason is not null)
            Assert.Contains(poison.Reason, letter.FaultMessage);
        await ProcessedAsync(service, EventIdOf(valid));

        await using var session = Store(service).QuerySession();
        Assert.False(await session.Query<HandledIntegrationEvent>().AnyAsync(h => h.EventId == eventId));
        Assert.Null(await session.Events.FetchStreamStateAsync(dossierId));
    }

    [Fact]
    public async Task A_redriven_poison_message_goes_back_to_the_error_queue()
    {
        var queue = QueueOf(system.Security, "open-review-when-dossier-accepted");
        var marker = Guid.NewGuid();
        var poison = Wrap(Accepted, m => m.Remove("dossierId"))(marker, ValidMessage(Accepted));
        await using var broker = await Broker.ConnectAsync(system.RabbitMq);
        await broker.PublishAsync(queue, Envelope, marker, poison);
        var letter = await DeadLetterAsync(system.Security, queue + BusQueues.ErrorSuffix, marker);
        Assert.Equal(0, letter.Redriven);

        using var admin = system.Security.ClientAs("admin");
        var redrive = await admin.PostAsync($"/operations/dead-letters/{queue}_error/redrive?messageId={Uri.EscapeDataString(letter.MessageId)}", null);
        Assert.Equal(HttpStatusCode.OK, redrive.StatusCode);
        Assert.Equal(1, (await redrive.Content.ReadFromJsonAsync<DeadLetterEndpoints.Redriven>())!.Count);

        var again = await DeadLetterAsync(system.Security, queue + BusQueues.ErrorSuffix, marker, l => l.Redriven == 1);
        Assert.Contains("DossierId is required", again.FaultMessage);
        Assert.Single((await ListAsync(system.Security)).Where(q => q.Queue == queue + BusQueues.ErrorSuffix)
            .SelectMany(q => q.Messages), l => l.BodyPreview.Contains(marker.ToString()));
    }

    [Fact]
    public async Task A_message_set_aside_during_an_outage_is_redriven_and_handled_exactly_once()
    {
        var queue = QueueOf(system.Security, "open-review-when-dossier-accepted");
        await using var broker = await Broker.ConnectAsync(system.RabbitMq);
        // The error queue exists once MassTransit has set a first message aside.
        var poisonMarker = Guid.NewGuid();
        await broker.PublishAsync(queue, Envelope, poisonMarker, Wrap(Accepted, m => m.Remove("metadata"))(poisonMarker, ValidMessage(Accepted)));
        await DeadLetterAsync(system.Security, queue + BusQueues.ErrorSuffix, poisonMarker);

        // A valid message as MassTransit sets one aside when its consumer failed for a passing reason (the database
        // was down, say): the original body with the fault headers. Twice, as if it had been delivered twice.
        var marker = Guid.NewGuid();
        var message = ValidMessage(Accepted);
        var dossierId = Guid.Parse((string)message["dossierId"]!);
        var body = Wrap(Accepted)(marker, message);
        var fault = new Dictionary<string, object?>
        {
            ["MT-Reason"] = "fault",
            ["MT-Fault-ExceptionType"] = "Npgsql.NpgsqlException",
            ["MT-Fault-Message"] = "Failed to connect to 127.0.0.1:5432",
        };
        await broker.PublishAsync(queue + BusQueues.ErrorSuffix, Envelope, marker, body, fault);
        await broker.PublishAsync(queue + BusQueues.ErrorSuffix, Envelope, marker, body, fault);
        var letter = await DeadLetterAsync(system.Security, queue + BusQueues.ErrorSuffix, marker);
        Assert.Equal("Npgsql.NpgsqlException", letter.ExceptionType);

        using var admin = system.Security.ClientAs("admin");
        var redrive = await admin.PostAsync($"/operations/dead-letters/{queue}_error/redrive", null);
        Assert.Equal(HttpStatusCode.OK, redrive.StatusCode);
        Assert.True((await redrive.Content.ReadFromJsonAsync<DeadLetterEndpoints.Redriven>())!.Count >= 3);

        await ProcessedAsync(system.Security, EventIdOf(message));
        // The poison message re-driven with them is back in the error queue: once it is, the copies before it were handled.
        await DeadLetterAsync(system.Security, queue + BusQueues.ErrorSuffix, poisonMarker, l => l.Redriven == 1);
        await using var session = Store(system.Security).QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(dossierId), e => e.Data is SecurityReviewOpened);
        // No copy is set aside again (listed letters may still be on their way out of the queue for a moment under load).
        await Eventually.Returns(async () => (await ListAsync(system.Security)).SelectMany(q => q.Messages)
            .Any(l => l.BodyPreview.Contains(marker.ToString())) ? null : "gone", $"no copy of {marker} set aside");

        var gone = await admin.PostAsync($"/operations/dead-letters/{queue}_error/redrive?messageId={marker}", null);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var unknownQueue = await admin.PostAsync("/operations/dead-letters/someone-elses-queue_error/redrive", null);
        Assert.Equal(HttpStatusCode.NotFound, unknownQueue.StatusCode);
    }

    [Fact]
    public async Task Copies_of_one_event_arriving_together_are_handled_once_and_none_is_set_aside()
    {
        // The relay may publish an event again after a crash (a new message id, the same event id); the copies can
        // reach the consumer at the same moment, both before either has recorded the event as handled.
        var queue = QueueOf(system.Security, "open-review-when-dossier-accepted");
        var message = ValidMessage(Accepted);
        var dossierId = Guid.Parse((string)message["dossierId"]!);
        await using var broker = await Broker.ConnectAsync(system.RabbitMq);
        var copies = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        foreach (var copy in copies)
            await broker.PublishAsync(queue, Envelope, copy, Wrap(Accepted)(copy, message.DeepClone().AsObject()));

        await ProcessedAsync(system.Security, EventIdOf(message));
        // A copy refused by a lost race is set aside at once (a refusal is not retried): give the others a moment.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await using var session = Store(system.Security).QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(dossierId), e => e.Data is SecurityReviewOpened);
        var parked = (await ListAsync(system.Security)).SelectMany(q => q.Messages)
            .Where(l => copies.Any(c => l.MessageId == c.ToString())).ToList();
        Assert.True(parked.Count == 0, $"copies set aside: {string.Join("; ", parked.Select(l => l.FaultMessage))}");
    }

    private static Func<Guid, JsonObject, byte[]> Wrap(string messageType, Action<JsonObject>? spoil = null) => (marker, message) =>
    {
        spoil?.Invoke(message);
        var envelope = new JsonObject
        {
            ["messageId"] = marker.ToString(),
            ["messageType"] = new JsonArray($"urn:message:{messageType}"),
            ["sentTime"] = DateTimeOffset.UtcNow.ToString("O"),
            ["headers"] = new JsonObject(),
            ["message"] = message,
        };
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    };

    /// <summary>A message every consumer would accept (enums as numbers: 0 = Cleared, Approved).</summary>
    private static JsonObject ValidMessage(string messageType)
    {
        var dossierId = Guid.NewGuid();
        var message = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["eventId"] = Guid.NewGuid().ToString(), ["occurredAt"] = "2026-03-02T03:00:00+00:00", ["actor"] = "test",
                ["agency"] = "SNV", ["sourceService"] = messageType.Split(':')[0].Split('.')[^1].ToLowerInvariant(),
                ["sourceSequence"] = 1,
            },
            ["dossierId"] = dossierId.ToString(),
            ["receiptCode"] = "SNV-20260302-" + dossierId.ToString("N")[..6],
        };
        switch (messageType)
        {
            case Accepted:
                message["ngoId"] = Guid.NewGuid().ToString();
                message["aidKind"] = "Project";
                message["sensitiveAreas"] = new JsonArray();
                message["amountVnd"] = 1_000_000;
                break;
            case Concluded:
                message["verdict"] = 0;
                message["publicConditions"] = new JsonArray();
                break;
            case Decided:
                message["outcome"] = 0;
                message["decisionNumber"] = "12/QĐ-UBND";
                message["decisionDate"] = "2026-03-02";
                message["ngoId"] = Guid.NewGuid().ToString();
                message["startDate"] = "2026-04-01";
                message["endDate"] = "2027-03-31";
                break;
        }
        return message;
    }

    private static Guid EventIdOf(JsonObject message) => Guid.Parse((string)message["metadata"]!["eventId"]!);

    private IServiceClient Service(string name) => name switch
    {
        "registration" => system.Registration,
        "security" => system.Security,
        "appraisal" => system.Appraisal,
        _ => system.Monitoring,
    };

    private static IDocumentStore Store(IServiceClient service) => DeadLetterProbe.Store(service);

    private static string QueueOf(IServiceClient service, string consumer) => DeadLetterProbe.QueueOf(service, consumer);

    private static Task<IReadOnlyList<DeadLetters.DeadLetterQueue>> ListAsync(IServiceClient service) => DeadLetterProbe.ListAsync(service);

    private static Task<DeadLetters.Letter> DeadLetterAsync(
        IServiceClient service, string deadLetterQueue, Guid marker, Func<DeadLetters.Letter, bool>? also = null) =>
        Eventually.Returns(async () => (await ListAsync(service))
            .Where(q => q.Queue == deadLetterQueue).SelectMany(q => q.Messages)
            .FirstOrDefault(l => (l.MessageId == marker.ToString() || l.BodyPreview.Contains(marker.ToString())) && (also?.Invoke(l) ?? true)),
            $"message {marker} in {deadLetterQueue}");

    private static Task ProcessedAsync(IServiceClient service, Guid eventId) => Eventually.Returns(async () =>
    {
        await using var session = Store(service).QuerySession();
        return await session.Query<HandledIntegrationEvent>().FirstOrDefaultAsync(h => h.EventId == eventId);
    }, $"event {eventId} to be handled");

    /// <summary>A bare RabbitMQ client: publishes bytes to a queue through the default exchange, as any producer could.</summary>
    private sealed class Broker(IConnection connection, IChannel channel) : IAsyncDisposable
    {
        public static async Task<Broker> ConnectAsync(Uri uri)
        {
            var connection = await new ConnectionFactory { Uri = uri }.CreateConnectionAsync();
            var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
            return new Broker(connection, channel);
        }

        public async Task PublishAsync(string queue, string contentType, Guid messageId, byte[] body, IDictionary<string, object?>? headers = null)
        {
            var properties = new BasicProperties
            {
                ContentType = contentType, MessageId = messageId.ToString(), Persistent = true, Headers = headers,
            };
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, body);
        }

        public async ValueTask DisposeAsync()
        {
            await channel.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
