using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.ServiceDefaults.Commands;

public sealed record Decided<TState>(TState Before, IReadOnlyList<object> Events, long Version);

public static class StreamCommands
{
    /// <summary>
    /// Runs a pure decision against the stream's current state and appends what it decided, with optimistic
    /// concurrency: if another command appended since the state was read (or since the version the client saw,
    /// when given), nothing is written and the caller gets a concurrency conflict (409).
    /// </summary>
    public static async Task<Decided<TState>> DecideAsync<TState>(
        this IDocumentSession session, Guid id, long? expectedVersion,
        Func<TState, IReadOnlyList<object>> decide, CancellationToken cancellationToken) where TState : class
    {
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<TState>(id, version, cancellationToken)
            : await session.Events.FetchForWriting<TState>(id, cancellationToken);
        if (stream.Aggregate is null)
            throw new NotFound(typeof(TState).Name);

        // Marten moves CurrentVersion on when the events are saved: read it before.
        var versionBefore = stream.CurrentVersion ?? 0;
        var events = decide(stream.Aggregate);
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            await session.SaveChangesAsync(cancellationToken);
        }
        return new Decided<TState>(stream.Aggregate, events, versionBefore + events.Count);
    }
}
