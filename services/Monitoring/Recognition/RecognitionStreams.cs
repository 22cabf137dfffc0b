using Marten;

namespace Aid.Monitoring.Recognition;

public static class RecognitionStreams
{
    /// <summary>
    /// Like StreamCommands.DecideAsync, for a stream the first command may start (the criteria, an NGO's
    /// commendations): decides against the current state or null, appends with optimistic concurrency (If-Match
    /// honoured, "0" for a stream not yet started) and returns the stream's version.
    /// </summary>
    public static async Task<long> DecideOrStartAsync<TState>(this IDocumentSession session, Guid id, long? expectedVersion,
        Func<TState?, IReadOnlyList<object>> decide, CancellationToken cancellationToken) where TState : class
    {
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<TState>(id, version, cancellationToken)
            : await session.Events.FetchForWriting<TState>(id, cancellationToken);
        var events = decide(stream.Aggregate);
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            await session.SaveChangesAsync(cancellationToken);
        }
        return (stream.CurrentVersion ?? 0) + events.Count;
    }
}
