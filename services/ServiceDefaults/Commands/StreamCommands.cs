using Aid.Domain.Rules;
using Marten;

namespace Aid.ServiceDefaults.Commands;

public sealed record Decided<TState>(TState Before, IReadOnlyList<object> Events, long Version);

public static class StreamCommands
{
    /// <summary>
    /// Runs a pure decision against the stream's current state and appends what it decided, with optimistic
    /// concurrency: if another command appended since the state was read (or since the version the client saw,
    /// when given), nothing is written and the caller gets a concurrency conflict (409). <paramref name="mayAct"/>
    /// (who may see the record; it throws a hidden <see cref="NotFound"/> named <paramref name="what"/>) runs
    /// before the version is compared, so a record the caller may not see answers the same 404 as a missing one,
    /// whatever If-Match says.
    /// </summary>
    public static async Task<Decided<TState>> DecideAsync<TState>(
        this IDocumentSession session, Guid id, long? expectedVersion,
        Func<TState, IReadOnlyList<object>> decide, CancellationToken cancellationToken,
        Action<TState>? mayAct = null, string? what = null) where TState : class
    {
        var stream = await session.Events.FetchForExclusiveWriting<TState>(id, cancellationToken);
        if (stream.Aggregate is null)
            throw new NotFound(what ?? typeof(TState).Name);
        mayAct?.Invoke(stream.Aggregate);

        // Marten moves CurrentVersion on when the events are saved: read it before.
        var versionBefore = stream.CurrentVersion ?? 0;
        if (expectedVersion is { } version && version != versionBefore)
            throw new JasperFx.ConcurrencyException(typeof(TState), id);
        var events = decide(stream.Aggregate);
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            await session.SaveChangesAsync(cancellationToken);
        }
        return new Decided<TState>(stream.Aggregate, events, versionBefore + events.Count);
    }
}
