using Aid.Contracts;
using Marten;

namespace Aid.ServiceDefaults;

/// <summary>Marks an integration event as handled. Written in the same transaction as the consumer's effect.</summary>
public sealed class ProcessedIntegrationEvent
{
    public Guid Id { get; set; }
    public string MessageType { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}

public static class IdempotentConsumption
{
    /// <summary>
    /// True the first time this event reaches this service; false for a redelivery, which must change nothing.
    /// Two concurrent deliveries both passing the check still cannot both commit: the second insert conflicts,
    /// the transaction rolls back and the retry sees the event as handled.
    /// </summary>
    public static async Task<bool> IsFirstDeliveryAsync(
        this IDocumentSession session, IIntegrationEvent message, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<ProcessedIntegrationEvent>(message.Metadata.EventId, cancellationToken) is not null)
            return false;

        session.Insert(new ProcessedIntegrationEvent
        {
            Id = message.Metadata.EventId,
            MessageType = message.GetType().FullName!,
            ProcessedAt = DateTimeOffset.UtcNow,
        });
        // The effect is caused by the message: keep the chain for auditors.
        session.CorrelationId = message.Metadata.CorrelationId;
        session.CausationId = message.Metadata.EventId.ToString();
        return true;
    }
}
