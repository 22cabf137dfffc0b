namespace Aid.Contracts;

/// <summary>
/// Who, when and why for every integration event. <see cref="EventId"/> is the id of the domain event the
/// message was relayed from, so a redelivery carries the same id and consumers can ignore it.
/// </summary>
public sealed record EventMetadata(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string Actor,
    string Agency,
    string? CorrelationId,
    string? CausationId,
    string SourceService,
    long SourceSequence);

/// <summary>Every message that crosses a service boundary. See VERSIONING.md.</summary>
public interface IIntegrationEvent
{
    EventMetadata Metadata { get; }
}

/// <summary>An event about one dossier: a consumer takes one dossier's events one at a time, in the order they arrive.</summary>
public interface IDossierEvent : IIntegrationEvent
{
    Guid DossierId { get; }
}
