using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Aid.ServiceDefaults.Audit;

/// <summary>
/// Seals every event of the service's log, in order, into its stream's hash chain, and writes a checkpoint over
/// the whole log at the end of a page once <see cref="CheckpointEvery"/> or more events were sealed since the last one. The seals are written in the same transaction as the
/// subscription's progress, so each event is sealed exactly once. The hash is taken over the row as PostgreSQL
/// stores it (not over the deserialised event), which is exactly what the verifier reads back.
/// </summary>
public sealed class EventSealer : SubscriptionBase
{
    public const int CheckpointEvery = 100;
    private readonly ILogger<EventSealer> logger;

    // No IDocumentStore here: the store builds its subscriptions, so depending on it hung the host's start.
    public EventSealer(ILogger<EventSealer> logger)
    {
        this.logger = logger;
        Name = "event-sealer";
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        if (page.Events.Count == 0)
            return NullChangeListener.Instance;

        var store = operations.DocumentStore;
        var rows = new List<StoredEvent>();
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(cancellationToken);
            await foreach (var row in EventChain.ReadAsync(connection, store.Options.Events.DatabaseSchemaName,
                               page.SequenceFloor + 1, page.SequenceCeiling, cancellationToken: cancellationToken))
                rows.Add(row);
        }

        var heads = (await operations.LoadManyAsync<StreamChainHead>(cancellationToken, rows.Select(r => r.StreamId).Distinct()))
            .ToDictionary(h => h.Id);
        var sealedNow = new List<(long Sequence, string Hash)>();
        foreach (var row in rows)
        {
            var head = heads.GetValueOrDefault(row.StreamId) ?? new StreamChainHead { Id = row.StreamId };
            if (head.Sequence >= row.Sequence)
                continue; // sealed already
            var hash = EventChain.Hash(head.Hash, row);
            operations.Store(new EventSeal
            {
                Id = row.Sequence, StreamId = row.StreamId, Version = row.Version, EventId = row.Id,
                PreviousHash = head.Hash, Hash = hash,
            });
            // The same instance is updated: storing a new one under a loaded id stalled the subscription.
            (head.Sequence, head.Version, head.Hash) = (row.Sequence, row.Version, hash);
            heads[row.StreamId] = head;
            sealedNow.Add((row.Sequence, hash));
        }
        if (sealedNow.Count > 0)
            operations.Store(heads.Values.ToArray());

        await CheckpointAsync(operations, sealedNow, store.Options.Events.DatabaseSchemaName, cancellationToken);
        return NullChangeListener.Instance;
    }

    private async Task CheckpointAsync(
        IDocumentOperations operations, List<(long Sequence, string Hash)> sealedNow, string schema, CancellationToken cancellationToken)
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
        var previous = last?.Hash ?? EventChain.Genesis;
        var checkpoint = new LogCheckpoint
        {
            Id = upTo,
            PreviousSequence = from,
            PreviousHash = previous,
            Hash = EventChain.CheckpointHash(previous, earlier.Concat(sealedNow.Select(s => s.Hash))),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        operations.Store(checkpoint);
        // Published outside the database too: a copy of the log lines is an independent witness of the hashes.
        logger.LogInformation("Event log checkpoint {Schema} up to sequence {Sequence}: {Hash}",
            schema, checkpoint.Id, checkpoint.Hash);
    }
}
