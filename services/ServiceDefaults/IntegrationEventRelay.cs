using Aid.Contracts;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Aid.ServiceDefaults;

/// <summary>
/// The only way events leave a service: a Marten subscription that reads the service's event log in order and
/// publishes the integration events it maps to. Marten records the subscription's progress only after a page
/// was published (with broker confirms), so a crash republishes rather than loses: at-least-once, in order.
/// A publish that fails or hangs (the broker restarting) is tried again until it is confirmed: the relay waits for
/// the broker instead of handing the failure to the daemon, which after a broker restart left a relay stopped for good.
/// </summary>
public abstract class IntegrationEventRelay : SubscriptionBase
{
    /// <summary>How long one publish may wait for its confirm before it is sent again.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);

    private readonly IBus bus;
    private readonly string serviceName;
    private readonly ILogger logger;

    protected IntegrationEventRelay(IBus bus, ILoggerFactory logs, string serviceName)
    {
        this.bus = bus;
        this.serviceName = serviceName;
        logger = logs.CreateLogger(GetType());
        Name = $"{serviceName}-relay";
    }

    /// <summary>The integration event a domain event is published as, or null when it stays inside.</summary>
    protected abstract IIntegrationEvent? ToIntegrationEvent(IEvent @event, EventMetadata metadata);

    /// <summary>The same, for a relay that must read the service's own documents to complete a message (the default
    /// reads nothing).</summary>
    protected virtual ValueTask<IIntegrationEvent?> ToIntegrationEventAsync(
        IEvent @event, EventMetadata metadata, IDocumentOperations operations, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ToIntegrationEvent(@event, metadata));

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var @event in page.Events)
        {
            var message = await ToIntegrationEventAsync(@event, MetadataOf(@event), operations, cancellationToken);
            if (message is not null)
                await PublishUntilConfirmedAsync(message, cancellationToken);
        }
        return NullChangeListener.Instance;
    }

    private async Task PublishUntilConfirmedAsync(IIntegrationEvent message, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // WaitAsync: a publish whose channel died before its confirm arrived was seen never to finish.
                await bus.Publish(message, message.GetType(), cancellationToken).WaitAsync(PublishTimeout, cancellationToken);
                if (attempt > 1)
                    logger.LogInformation("{Relay} published {Type} {EventId} after {Attempts} attempts",
                        Name, message.GetType().Name, message.Metadata.EventId, attempt);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("{Relay} could not publish {Type} {EventId} (attempt {Attempt}): {Error}; trying again",
                    Name, message.GetType().Name, message.Metadata.EventId, attempt, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 250 * attempt)), cancellationToken);
            }
        }
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
    public const string OriginActor = "origin-actor";
    public const string OriginAgency = "origin-agency";
    public const string OriginService = "origin-service";
}
