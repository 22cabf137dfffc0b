using Aid.Contracts;
using MassTransit;

namespace Aid.ServiceDefaults.Messaging;

/// <summary>
/// Checks every consumed integration event against <see cref="IntegrationEventRules"/> and <see cref="MessageTrust"/>
/// before its consumer runs.
/// </summary>
public sealed class IntegrationEventCheck<T> : IFilter<ConsumeContext<T>> where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (context.Message is IIntegrationEvent message)
        {
            InvalidMessage.ThrowIfInvalid(message);
            MessageTrust.ThrowIfUntrusted(message);
        }
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("integrationEventRules");
}
