using Aid.Audit;
using Marten;

namespace Aid.ServiceDefaults.Audit;

/// <summary>
/// Recomputes the hash chains from the event rows as they are now and compares them with the seals: reports the
/// first row that was edited, deleted, reordered or slipped in after sealing, and checks the log checkpoints.
/// Events appended after the sealer's last page are not yet sealed and not checked (<c>SealedUpTo</c> says how far).
/// </summary>
public sealed class ChainVerifier(IDocumentStore store, string serviceName)
{
    public async Task<VerificationReport> VerifyAsync(Guid? streamId = null, CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        var seals = streamId is { } id
            ? await session.Query<EventSeal>().Where(s => s.StreamId == id).OrderBy(s => s.Id).ToListAsync(cancellationToken)
            : await session.Query<EventSeal>().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var sealedUpTo = (await session.Query<EventSeal>().OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken))?.Id ?? 0;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var latest = await EventChain.LatestSequenceAsync(connection, store.Options.Events.DatabaseSchemaName, cancellationToken);
        var rows = new Dictionary<long, StoredEvent>();
        await foreach (var row in EventChain.ReadAsync(connection, store.Options.Events.DatabaseSchemaName, 1, sealedUpTo,
                           streamId, cancellationToken))
            rows[row.Sequence] = row;

        var firstBreak = CheckSeals(seals, rows);
        var checkpoints = 0;
        if (streamId is { } stream)
            firstBreak = Earliest(firstBreak, await CheckHeadAsync(session, stream, seals, cancellationToken));
        else if (firstBreak is null)
            (firstBreak, checkpoints) = await CheckCheckpointsAsync(session, seals, cancellationToken);

        var scope = streamId is null ? "service" : $"stream {streamId}";
        return new VerificationReport(serviceName, scope, firstBreak is null, seals.Count, checkpoints, sealedUpTo, latest, firstBreak);
    }

    private static ChainBreak? CheckSeals(IReadOnlyList<EventSeal> seals, Dictionary<long, StoredEvent> rows)
    {
        var previousByStream = new Dictionary<Guid, string>();
        var sealedSequences = seals.Select(s => s.Id).ToHashSet();
        ChainBreak? found = null;
        foreach (var seal in seals)
        {
            var expectedPrevious = previousByStream.GetValueOrDefault(seal.StreamId, EventChain.Genesis);
            previousByStream[seal.StreamId] = seal.Hash;
            ChainBreak? problem =
                !rows.TryGetValue(seal.Id, out var row)
                    ? new(seal.Id, seal.StreamId, seal.Version, BreakKind.Deleted, "the sealed event row is missing")
                : row.StreamId != seal.StreamId || row.Version != seal.Version || row.Id != seal.EventId
                    ? new(seal.Id, seal.StreamId, seal.Version, BreakKind.Moved,
                        $"sequence {seal.Id} now holds event {row.Id} of stream {row.StreamId} version {row.Version}")
                : seal.PreviousHash != expectedPrevious
                    ? new(seal.Id, seal.StreamId, seal.Version, BreakKind.SealChainBroken, "the seal does not follow the previous seal of its stream")
                : EventChain.Hash(expectedPrevious, row) != seal.Hash
                    ? new(seal.Id, seal.StreamId, seal.Version, BreakKind.Edited, "the event or its metadata changed after sealing")
                : null;
            found = Earliest(found, problem);
        }

        var slipped = rows.Keys.Where(s => !sealedSequences.Contains(s)).Order().FirstOrDefault();
        if (slipped > 0)
            found = Earliest(found, new(slipped, rows[slipped].StreamId, rows[slipped].Version, BreakKind.Unsealed,
                "an event row inside the sealed range has no seal (inserted or renumbered after sealing)"));
        return found;
    }

    /// <summary>A deleted last event whose seal was deleted too still leaves the stream's chain head behind.</summary>
    private static async Task<ChainBreak?> CheckHeadAsync(
        IQuerySession session, Guid stream, IReadOnlyList<EventSeal> seals, CancellationToken cancellationToken)
    {
        var head = await session.LoadAsync<StreamChainHead>(stream, cancellationToken);
        if (head is null || seals.Count > 0 && seals[^1].Id == head.Sequence && seals[^1].Hash == head.Hash)
            return null;
        return new ChainBreak(head.Sequence, stream, head.Version, BreakKind.SealChainBroken,
            "the stream's chain head names a seal that is missing or different");
    }

    private static async Task<(ChainBreak?, int)> CheckCheckpointsAsync(
        IQuerySession session, IReadOnlyList<EventSeal> seals, CancellationToken cancellationToken)
    {
        var checkpoints = await session.Query<LogCheckpoint>().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var previous = EventChain.Genesis;
        var next = 0;
        foreach (var checkpoint in checkpoints)
        {
            var covered = new List<string>();
            while (next < seals.Count && seals[next].Id <= checkpoint.Id)
                covered.Add(seals[next++].Hash);
            if (checkpoint.PreviousHash != previous || EventChain.CheckpointHash(previous, covered) != checkpoint.Hash)
                return (new ChainBreak(checkpoint.Id, null, null, BreakKind.CheckpointMismatch,
                    $"the log up to sequence {checkpoint.Id} no longer matches its checkpoint"), checkpoints.Count);
            previous = checkpoint.Hash;
        }
        return (null, checkpoints.Count);
    }

    private static ChainBreak? Earliest(ChainBreak? a, ChainBreak? b) =>
        a is null ? b : b is null ? a : b.Sequence < a.Sequence ? b : a;
}
