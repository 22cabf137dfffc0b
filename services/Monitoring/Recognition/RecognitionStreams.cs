using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Monitoring.Recognition;

public static class RecognitionStreams
{
    /// <summary>
    /// Like StreamCommands.DecideAsync, for a stream the first command may start (the criteria, an NGO's
    /// commendations): decides against the current state or null, appends with optimistic concurrency (If-Match
    /// honoured, "0" for a stream not yet started; a stale version is a 409) and returns the stream's version.
    /// </summary>
    public static async Task<long> DecideOrStartAsync<TState>(this IDocumentSession session, Guid id, long? expectedVersion,
        Func<TState?, IReadOnlyList<object>> decide, CancellationToken cancellationToken) where TState : class
    {
        // The stream as it is now (appending checks nobody appended since); the version the client saw must be it.
        var stream = await session.Events.FetchForWriting<TState>(id, cancellationToken);
        if (expectedVersion is { } expected && (stream.CurrentVersion ?? 0) != expected)
            throw new RuleViolation("concurrent-change", new Bilingual(
                "Người khác đã thay đổi trước bạn. Hãy tải lại để xem trạng thái mới.",
                "Someone else changed this first. Reload to see its new state."));
        var before = stream.CurrentVersion ?? 0;
        var events = decide(stream.Aggregate);
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            await session.SaveChangesAsync(cancellationToken);
        }
        return before + events.Count;
    }
}
