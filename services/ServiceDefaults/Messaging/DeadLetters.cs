using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Aid.ServiceDefaults.Messaging;

/// <summary>
/// Reads and re-drives the messages MassTransit set aside in this service's _error and _skipped queues, with the
/// broker connection the bus uses. Reading takes each message without acknowledging it and hands all of them back
/// (requeued) at the end: nothing is lost if the process dies midway. Re-driving publishes a copy to the original
/// queue's own exchange (MassTransit binds it to the queue; the service's broker user may not write to the default
/// exchange, which reaches every queue), waits for the broker's confirm, and only then removes the message from the
/// dead-letter queue.
/// </summary>
public sealed class DeadLetters(BusQueues queues, ILogger<DeadLetters> logger)
{
    /// <summary>How many times an operator re-drove the message.</summary>
    public const string RedrivenHeader = "aid-redriven";

    public sealed record Letter(
        string MessageId, string? MessageType, string? Reason, string? ExceptionType, string? FaultMessage,
        string? FaultTimestamp, string? ConsumerType, string? ContentType, int Redriven, int Size, string BodyPreview);

    public sealed record DeadLetterQueue(string Queue, string OriginalQueue, uint Count, IReadOnlyList<Letter> Messages);

    /// <summary>This service's dead-letter queues that exist and hold messages, each with up to <paramref name="max"/> messages.</summary>
    public async Task<IReadOnlyList<DeadLetterQueue>> ListAsync(int max, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        var result = new List<DeadLetterQueue>();
        foreach (var queue in queues.DeadLetter)
        {
            if (await CountAsync(connection, queue, ct) is not { } count || count == 0)
                continue;
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            var letters = new List<Letter>();
            ulong? lastTag = null;
            while (letters.Count < Math.Min(max, count) && await channel.BasicGetAsync(queue, autoAck: false, ct) is { } message)
            {
                letters.Add(Describe(message));
                lastTag = message.DeliveryTag;
            }
            if (lastTag is { } tag)
                await channel.BasicNackAsync(tag, multiple: true, requeue: true, ct);
            result.Add(new DeadLetterQueue(queue, queues.OriginOf(queue)!, count, letters));
        }
        return result;
    }

    /// <summary>Moves the messages of one dead-letter queue (all, or the one with this id) back to its original queue.</summary>
    public async Task<int> RedriveAsync(string deadLetterQueue, string? messageId, CancellationToken ct)
    {
        var origin = queues.OriginOf(deadLetterQueue) ?? throw new ArgumentException($"{deadLetterQueue} is not a dead-letter queue of {queues.ServiceName}.");
        await using var connection = await ConnectAsync(ct);
        if (await CountAsync(connection, deadLetterQueue, ct) is not { } count || count == 0)
            return 0;

        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var redriven = 0;
        var kept = new List<ulong>();
        for (var i = 0; i < count && await channel.BasicGetAsync(deadLetterQueue, autoAck: false, ct) is { } message; i++)
        {
            if (messageId is not null && IdOf(message) != messageId)
            {
                kept.Add(message.DeliveryTag);
                continue;
            }
            await channel.BasicPublishAsync(origin, "", mandatory: true, Redriven(message.BasicProperties), message.Body, ct);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            redriven++;
        }
        foreach (var tag in kept)
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, ct);
        logger.LogWarning("Re-drove {Count} message(s) from {Queue} to {Origin}", redriven, deadLetterQueue, origin);
        return redriven;
    }

    /// <summary>The copy sent back: the original properties without the fault headers of the failed attempt.</summary>
    private static BasicProperties Redriven(IReadOnlyBasicProperties original)
    {
        var copy = new BasicProperties(original)
        {
            Headers = (original.Headers ?? new Dictionary<string, object?>())
                .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && !h.Key.StartsWith("MT-Host-", StringComparison.Ordinal)
                    && h.Key != "MT-Reason")
                .ToDictionary(h => h.Key, h => h.Value),
        };
        var times = copy.Headers.TryGetValue(RedrivenHeader, out var n) && int.TryParse(Text(n), out var previous) ? previous : 0;
        copy.Headers[RedrivenHeader] = (times + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return copy;
    }

    private static Letter Describe(BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers;
        string? Header(string name) => headers is not null && headers.TryGetValue(name, out var value) ? Text(value) : null;
        var body = message.Body.Span;
        var preview = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 500)]);
        return new Letter(IdOf(message), Header("MT-Fault-MessageType") ?? message.BasicProperties.Type, Header("MT-Reason"),
            Header("MT-Fault-ExceptionType"), Header("MT-Fault-Message"), Header("MT-Fault-Timestamp"), Header("MT-Fault-ConsumerType"),
            message.BasicProperties.ContentType, int.TryParse(Header(RedrivenHeader), out var redriven) ? redriven : 0, body.Length, preview);
    }

    /// <summary>The message id MassTransit set, or for a message published without one a hash of its body.</summary>
    private static string IdOf(BasicGetResult message) => message.BasicProperties.MessageId is { Length: > 0 } id
        ? id
        : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(message.Body.Span))[..16];

    private static string? Text(object? value) => value switch
    {
        null => null,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        _ => value.ToString(),
    };

    private static async Task<uint?> CountAsync(IConnection connection, string queue, CancellationToken ct)
    {
        // A passive declare of a missing queue closes its channel: one channel per question.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return null;
        }
    }

    private Task<IConnection> ConnectAsync(CancellationToken ct) =>
        new ConnectionFactory { Uri = queues.Broker, ClientProvidedName = $"{queues.ServiceName}-dead-letters" }.CreateConnectionAsync(ct);
}
