using Aid.Contracts;

namespace Aid.ServiceDefaults.Messaging;

/// <summary>
/// A consumed message that cannot be right (no dossier id, no receipt code, no event id, an unknown enum value, a
/// negative amount...). Thrown before anything is written and never retried: MassTransit moves it to the queue's
/// _error queue with this reason (header MT-Fault-Message).
/// </summary>
public sealed class InvalidMessage(string reason) : Exception(reason)
{
    /// <summary>The rules every integration event keeps (<see cref="IntegrationEventRules"/>) and the consumer's own.</summary>
    public static void ThrowIfInvalid(IIntegrationEvent message, params (bool Holds, string Rule)[] rules) =>
        ThrowIfAny(message, IntegrationEventRules.Broken(message).Concat(Broken(rules)));

    /// <summary>A consumer's own rules only: the bus's <see cref="IntegrationEventCheck{T}"/> has already applied the shared ones.</summary>
    public static void ThrowUnless(IIntegrationEvent message, params (bool Holds, string Rule)[] rules) =>
        ThrowIfAny(message, Broken(rules));

    private static IEnumerable<string> Broken((bool Holds, string Rule)[] rules) => rules.Where(r => !r.Holds).Select(r => r.Rule);

    private static void ThrowIfAny(IIntegrationEvent message, IEnumerable<string> rules)
    {
        var broken = rules.ToList();
        if (broken.Count > 0)
            throw new InvalidMessage($"{message.GetType().Name} rejected: {string.Join("; ", broken)}");
    }
}
