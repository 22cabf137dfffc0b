using Aid.Contracts;

namespace Aid.ServiceDefaults.Messaging;

/// <summary>
/// A well-formed message the receiver's state does not admit: a wrong publisher, a self-caused or stale message, a
/// step the subject's stage makes impossible, facts that contradict what the receiver knows, or a subject (dossier,
/// project, NGO) the receiver has never seen. Thrown before anything is saved, so no store changes; MassTransit
/// moves the message to the queue's _error queue with this reason (header MT-Fault-Message), where operators see
/// and re-drive it. Only an unknown subject that another publisher's message may still introduce
/// (<see cref="MayArriveLater"/>) goes through the bus's bounded retries first.
/// </summary>
public sealed class RefusedMessage(string reason, bool mayArriveLater = false) : Exception(reason)
{
    public bool MayArriveLater { get; } = mayArriveLater;

    /// <summary>Throws, with every broken rule named, when any rule does not hold.</summary>
    public static void Unless(IIntegrationEvent message, params (bool Holds, string Rule)[] rules)
    {
        var broken = rules.Where(r => !r.Holds).Select(r => r.Rule).ToList();
        if (broken.Count > 0)
            throw Because(message, string.Join("; ", broken));
    }

    public static RefusedMessage Because(IIntegrationEvent message, string reason) => new($"{Describe(message)} refused: {reason}");

    /// <summary>
    /// The message names a subject this service has never seen. Parked, never recorded; once the subject is known an
    /// operator re-drives it (or, when <paramref name="mayArriveLater"/>, the bus's retries already found it known).
    /// </summary>
    public static RefusedMessage Unknown(IIntegrationEvent message, string subject, Guid id, bool mayArriveLater = false) =>
        new($"{Describe(message)} parked: {subject} {id} is unknown here; re-drive it once the {subject} is known", mayArriveLater);

    private static string Describe(IIntegrationEvent message) => $"{message.GetType().Name} {message.Metadata.EventId}";
}
