using Aid.Contracts;

namespace Aid.ServiceDefaults.Messaging;

/// <summary>
/// What every consumed integration event must show before a consumer looks at it, whatever its type: it comes
/// from the service that owns its contract (the folder under contracts/ names the owner) and it is not its own
/// cause. The consumers then check it against their own state (<see cref="RefusedMessage"/>).
/// </summary>
public static class MessageTrust
{
    /// <summary>How far two services' clocks may disagree before a message counts as older than what it would change.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    /// <summary>The service that publishes a contract: Aid.Contracts.Security.SecurityReviewConcluded is Security's.</summary>
    public static string? OwnerOf(Type contract) =>
        contract.Namespace?.Split('.') is ["Aid", "Contracts", var owner] ? owner.ToLowerInvariant() : null;

    public static void ThrowIfUntrusted(IIntegrationEvent message)
    {
        var owner = OwnerOf(message.GetType());
        RefusedMessage.Unless(message,
            (owner is not null && string.Equals(message.Metadata.SourceService, owner, StringComparison.Ordinal),
                $"published by '{message.Metadata.SourceService}', but only {owner} publishes {message.GetType().Name}"),
            (message.Metadata.CausationId != message.Metadata.EventId.ToString(), "its causation id is its own event id"));
    }

    /// <summary>A fact the publisher states (a receipt code, an NGO) must be the one the receiver already knows.</summary>
    public static (bool Holds, string Rule) Same<T>(string fact, T stated, T known) =>
        (EqualityComparer<T>.Default.Equals(stated, known), $"{fact} {stated} is not the one known here ({known})");

    /// <summary>
    /// A message older than the last one recorded for the same subject (beyond <see cref="ClockSkew"/>) would rewrite
    /// history that later messages already moved on from.
    /// </summary>
    public static (bool Holds, string Rule) NotOlderThan(IIntegrationEvent message, DateTimeOffset? lastRecorded) =>
        (lastRecorded is not { } last || message.Metadata.OccurredAt >= last - ClockSkew,
            $"it occurred at {message.Metadata.OccurredAt:O}, before the last recorded step ({lastRecorded:O})");
}
