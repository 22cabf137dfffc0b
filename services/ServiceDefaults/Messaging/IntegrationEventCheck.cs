using Aid.Contracts;
using MassTransit;

namespace Aid.ServiceDefaults.Messaging;

/// <summary>
/// Checks every consumed integration event against <see cref="IntegrationEventRules"/> and <see cref="MessageTrust"/>
/// before its consumer runs, one dossier's events (or one event's copies) at a time (<see cref="DeliveryGate"/>).
/// </summary>
public sealed class IntegrationEventCheck<T>(DeliveryGate gate) : IFilter<ConsumeContext<T>> where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (context.Message is not IIntegrationEvent message)
        {
            await next.Send(context);
            return;
        }
        InvalidMessage.ThrowIfInvalid(message);
        MessageTrust.ThrowIfUntrusted(message);
        using (await gate.EnterAsync(DeliveryGate.OrderKey(message), context.CancellationToken))
            await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("integrationEventRules");
}
