using Aid.Contracts;
using Marten;

namespace Aid.ServiceDefaults;

/// <summary>
/// Marks an integration event as handled by one consumer. Written in the same transaction as that consumer's effect.
/// The key is the event and the consumer together: two consumers of one event in a service each do their own work once.
/// </summary>
public sealed class HandledIntegrationEvent
{
    public string Id { get; set; } = "";
    public Guid EventId { get; set; }
    public string Consumer { get; set; } = "";
    public string MessageType { get; set; } = "";
    public DateTimeOffset HandledAt { get; set; }

    public static string KeyOf(Guid eventId, string consumer) => $"{eventId:N}/{consumer}";
}

public static class IdempotentConsumption
{
    /// <summary>
    /// True the first time this event reaches this consumer; false for a redelivery, which must change nothing.
    /// Two concurrent deliveries both passing the check still cannot both commit: the second insert conflicts,
    /// the transaction rolls back and the retry sees the event as handled.
    /// </summary>
    public static async Task<bool> IsFirstDeliveryAsync(
        this IDocumentSession session, object consumer, IIntegrationEvent message, CancellationToken cancellationToken)
    {
        var consumerName = consumer.GetType().Name;
        var key = HandledIntegrationEvent.KeyOf(message.Metadata.EventId, consumerName);
        if (await session.LoadAsync<HandledIntegrationEvent>(key, cancellationToken) is not null)
            return false;

        session.Insert(new HandledIntegrationEvent
        {
            Id = key,
            EventId = message.Metadata.EventId,
            Consumer = consumerName,
            MessageType = message.GetType().FullName!,
            HandledAt = DateTimeOffset.UtcNow,
        });
        // The effect is caused by the message: keep the chain for auditors.
        session.CorrelationId = message.Metadata.CorrelationId;
        session.CausationId = message.Metadata.EventId.ToString();
        return true;
    }
}
