using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace Aid.ServiceDefaults.Audit;

/// <summary>
/// Seals every event of the service's log, in order, into its stream's hash chain, and writes a checkpoint over
/// the whole log every <see cref="CheckpointEvery"/> events. Seals are written in the same transaction as the
/// subscription's progress, so each event is sealed exactly once.
/// </summary>
public sealed class EventSealer : SubscriptionBase
{
    public const int CheckpointEvery = 100;
    private readonly IDocumentStore store;

    public EventSealer(IDocumentStore store)
    {
        this.store = store;
        Name = "event-sealer";
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        if (page.Events.Count == 0)
            return NullChangeListener.Instance;

        var schema = store.Options.Events.DatabaseSchemaName;
        var latest = new Dictionary<Guid, string>();
        var hashes = new List<(long Sequence, string Hash)>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);

        await foreach (var row in EventChain.ReadAsync(connection, schema, page.SequenceFloor + 1, page.SequenceCeiling,
                           cancellationToken: cancellationToken))
        {
            if (!latest.TryGetValue(row.StreamId, out var previous))
                previous = (await operations.Query<EventSeal>()
                    .Where(s => s.StreamId == row.StreamId && s.Id < row.Sequence)
                    .OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken))?.Hash ?? EventChain.Genesis;

            var hash = EventChain.Hash(previous, row);
            operations.Store(new EventSeal
            {
                Id = row.Sequence, StreamId = row.StreamId, Version = row.Version, EventId = row.Id,
                PreviousHash = previous, Hash = hash,
            });
            latest[row.StreamId] = hash;
            hashes.Add((row.Sequence, hash));
        }

        await CheckpointAsync(operations, hashes, cancellationToken);
        return NullChangeListener.Instance;
    }

    private static async Task CheckpointAsync(
        IDocumentOperations operations, List<(long Sequence, string Hash)> sealedNow, CancellationToken cancellationToken)
    {
        if (sealedNow.Count == 0) return;
        var last = await operations.Query<LogCheckpoint>().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var from = last?.Id ?? 0;
        var upTo = sealedNow[^1].Sequence;
        if (upTo - from < CheckpointEvery) return;

        // Seals from earlier pages since the last checkpoint, then this page's.
        var earlier = await operations.Query<EventSeal>()
            .Where(s => s.Id > from && s.Id < sealedNow[0].Sequence).OrderBy(s => s.Id)
            .Select(s => s.Hash).ToListAsync(cancellationToken);
        operations.Store(new LogCheckpoint
        {
            Id = upTo,
            PreviousSequence = from,
            PreviousHash = last?.Hash ?? EventChain.Genesis,
            Hash = EventChain.CheckpointHash(last?.Hash ?? EventChain.Genesis, earlier.Concat(sealedNow.Select(s => s.Hash))),
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }
}
