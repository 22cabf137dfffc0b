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
    public static void ThrowIfInvalid(IIntegrationEvent message, params (bool Holds, string Rule)[] rules)
    {
        var broken = IntegrationEventRules.Broken(message).Concat(rules.Where(r => !r.Holds).Select(r => r.Rule)).ToList();
        if (broken.Count > 0)
            throw new InvalidMessage($"{message.GetType().Name} rejected: {string.Join("; ", broken)}");
    }
}
