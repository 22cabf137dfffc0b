using Aid.Contracts;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;

namespace Aid.ServiceDefaults;

/// <summary>
/// The only way events leave a service: a Marten subscription that reads the service's event log in order and
/// publishes the integration events it maps to. Marten records the subscription's progress only after a page
/// was published (with broker confirms), so a crash republishes rather than loses: at-least-once, in order.
/// </summary>
public abstract class IntegrationEventRelay : SubscriptionBase
{
    private readonly IBus bus;
    private readonly string serviceName;

    protected IntegrationEventRelay(IBus bus, string serviceName)
    {
        this.bus = bus;
        this.serviceName = serviceName;
        Name = $"{serviceName}-relay";
    }

    /// <summary>The integration event a domain event is published as, or null when it stays inside.</summary>
    protected abstract IIntegrationEvent? ToIntegrationEvent(IEvent @event, EventMetadata metadata);

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var @event in page.Events)
        {
            var message = ToIntegrationEvent(@event, MetadataOf(@event));
            if (message is not null)
                await bus.Publish(message, message.GetType(), cancellationToken);
        }
        return NullChangeListener.Instance;
    }

    private EventMetadata MetadataOf(IEvent e) => new(
        EventId: e.Id,
        OccurredAt: e.Timestamp,
        Actor: e.UserName ?? "system",
        Agency: e.GetHeader(EventHeaders.Agency)?.ToString() ?? serviceName,
        CorrelationId: e.CorrelationId,
        CausationId: e.CausationId,
        SourceService: serviceName,
        SourceSequence: e.Sequence);
}

public static class EventHeaders
{
    public const string Agency = "agency";
    public const string Role = "role";
}
