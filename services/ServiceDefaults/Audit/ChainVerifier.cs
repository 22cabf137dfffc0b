using Marten;

namespace Aid.ServiceDefaults.Audit;

public enum BreakKind { Edited, Deleted, Moved, Unsealed, SealChainBroken, CheckpointMismatch }

/// <summary>The first place where the stored log no longer matches its seals.</summary>
public sealed record ChainBreak(long Sequence, Guid? StreamId, long? Version, BreakKind Kind, string Detail);

public sealed record VerificationReport(
    string Service, string Scope, bool Intact, int EventsChecked, int CheckpointsChecked, long SealedUpTo, ChainBreak? FirstBreak);

/// <summary>
/// Recomputes the hash chains from the event rows as they are now and compares them with the seals: reports the
/// first row that was edited, deleted, reordered or slipped in after sealing, and checks the log checkpoints.
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

        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var rows = new Dictionary<long, StoredEvent>();
        await foreach (var row in EventChain.ReadAsync(connection, schema, 1, sealedUpTo, streamId, cancellationToken))
            rows[row.Sequence] = row;

        var scope = streamId is null ? "service" : $"stream {streamId}";
        var firstBreak = CheckSeals(seals, rows);
        var checkpoints = 0;
        if (streamId is null && firstBreak is null)
            (firstBreak, checkpoints) = await CheckCheckpointsAsync(session, seals, cancellationToken);

        return new VerificationReport(serviceName, scope, firstBreak is null, seals.Count, checkpoints, sealedUpTo, firstBreak);
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
                        $"row {seal.Id} now holds stream {row.StreamId} version {row.Version}")
                : seal.PreviousHash != expectedPrevious
                    ? new(seal.Id, seal.StreamId, seal.Version, BreakKind.SealChainBroken, "the seal does not follow the previous seal")
                : EventChain.Hash(expectedPrevious, row) != seal.Hash
                    ? new(seal.Id, seal.StreamId, seal.Version, BreakKind.Edited, "the event or its metadata changed after sealing")
                : null;
            if (problem is not null && (found is null || problem.Sequence < found.Sequence))
                found = problem;
        }

        var slipped = rows.Keys.Where(s => !sealedSequences.Contains(s)).Order().FirstOrDefault();
        if (slipped > 0 && (found is null || slipped < found.Sequence))
            found = new(slipped, rows[slipped].StreamId, rows[slipped].Version, BreakKind.Unsealed,
                "an event row inside the sealed range has no seal");
        return found;
    }

    private static async Task<(ChainBreak?, int)> CheckCheckpointsAsync(
        IQuerySession session, IReadOnlyList<EventSeal> seals, CancellationToken cancellationToken)
    {
        var checkpoints = await session.Query<LogCheckpoint>().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var previous = EventChain.Genesis;
        long from = 0;
        foreach (var checkpoint in checkpoints)
        {
            var covered = seals.Where(s => s.Id > from && s.Id <= checkpoint.Id).Select(s => s.Hash);
            if (checkpoint.PreviousHash != previous || EventChain.CheckpointHash(previous, covered) != checkpoint.Hash)
                return (new ChainBreak(checkpoint.Id, null, null, BreakKind.CheckpointMismatch,
                    $"the log up to sequence {checkpoint.Id} no longer matches its checkpoint"), checkpoints.Count);
            previous = checkpoint.Hash;
            from = checkpoint.Id;
        }
        return (null, checkpoints.Count);
    }
}
