using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aid.ServiceDefaults.Refusals;

/// <summary>
/// Drains the refusal queue every few moments and adds each batch to the per-actor, per-window tallies in the
/// service's Marten store: one upserted document per actor and window, however many refusals it saw.
/// </summary>
internal sealed class RefusalWriter(
    RefusalRecorder recorder, IDocumentStore store, IOptions<RefusalOptions> options, ILogger<RefusalWriter> logger)
    : BackgroundService
{
    private const string OverflowKey = "ip:(other)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var batch = new List<Refusal>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.FlushMilliseconds, stoppingToken);
                while (batch.Count < settings.QueueCapacity && recorder.Queue.TryRead(out var refusal))
                    batch.Add(refusal);
                if (batch.Count > 0)
                    await WriteAsync(batch, settings, stoppingToken);
                batch.Clear();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Kept for the next flush: the database may be back by then.
                logger.LogError(e, "Could not write {Count} refusals; retrying", batch.Count);
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<Refusal> batch, RefusalOptions settings, CancellationToken ct)
    {
        var window = TimeSpan.FromMinutes(Math.Max(1, settings.WindowMinutes));
        var actors = batch.Select(r => r.ActorKey).Distinct().Take(settings.MaxActorsPerFlush).ToHashSet();
        var groups = batch
            .Select(r => actors.Contains(r.ActorKey) ? r : r with { ActorKey = OverflowKey, UserId = "anonymous", RemoteIp = null })
            .GroupBy(r => RefusalTally.IdOf(WindowStart(r.At, window), r.ActorKey))
            .ToList();

        await using var session = store.LightweightSession();
        var existing = (await session.LoadManyAsync<RefusalTally>(ct, groups.Select(g => g.Key).ToArray())).ToDictionary(t => t.Id);
        foreach (var group in groups)
        {
            var first = group.First();
            var tally = existing.GetValueOrDefault(group.Key) ?? new RefusalTally
            {
                Id = group.Key, WindowStart = WindowStart(first.At, window), ActorKey = first.ActorKey, UserId = first.UserId,
            };
            var before = tally.Count;
            foreach (var refusal in group.OrderBy(r => r.At))
                tally.Add(refusal);
            if (before < settings.AlertThreshold && tally.Count >= settings.AlertThreshold)
                logger.LogWarning("Repeated refusals: {Actor} (role {Role}, agency {Agency}) refused {Count} times since {Since}",
                    tally.ActorKey, tally.Role, tally.Agency, tally.Count, tally.WindowStart);
            session.Store(tally);
        }
        await session.SaveChangesAsync(ct);
    }

    private static DateTimeOffset WindowStart(DateTimeOffset at, TimeSpan window) =>
        new(at.UtcTicks - at.UtcTicks % window.Ticks, TimeSpan.Zero);
}
