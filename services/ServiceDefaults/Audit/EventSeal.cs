namespace Aid.ServiceDefaults.Audit;

/// <summary>
/// The hash that chains one event to the previous event of its stream:
/// Hash = SHA-256(PreviousHash + canonical form of the event row and its metadata).
/// </summary>
public sealed class EventSeal
{
    /// <summary>The event's sequence number in the service's log.</summary>
    public long Id { get; set; }
    public Guid StreamId { get; set; }
    public long Version { get; set; }
    public Guid EventId { get; set; }
    public string PreviousHash { get; set; } = EventChain.Genesis;
    public string Hash { get; set; } = "";
}

/// <summary>A hash over the service's whole log up to a sequence number, chained to the previous checkpoint.</summary>
public sealed class LogCheckpoint
{
    /// <summary>The last sequence number covered.</summary>
    public long Id { get; set; }
    public long PreviousSequence { get; set; }
    public string PreviousHash { get; set; } = EventChain.Genesis;
    public string Hash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The latest seal of one stream: where its chain continues.</summary>
public sealed class StreamChainHead
{
    /// <summary>The stream id.</summary>
    public Guid Id { get; set; }
    public long Sequence { get; set; }
    public long Version { get; set; }
    public string Hash { get; set; } = EventChain.Genesis;
}
