using Aid.ServiceDefaults.Problems;
using Marten;
using Microsoft.Extensions.Logging;

namespace Aid.ServiceDefaults.Refusals;

/// <summary>
/// Adds a batch of refusals to the per-actor, per-window tallies in one transaction. Two instances of a service may
/// add to the same tally at once: the tallies are versioned (optimistic concurrency), so the later write fails
/// instead of overwriting the other's count, and the whole batch is added again to the fresh tallies.
/// </summary>
public static class RefusalTallies
{
    private const string OverflowKey = "ip:(other)";
    private const int Attempts = 10;

    public static async Task AddAsync(
        IDocumentStore store, IReadOnlyList<Refusal> batch, RefusalOptions settings, ILogger logger, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TryAddAsync(store, batch, settings, logger, ct);
                return;
            }
            catch (Exception e) when (attempt < Attempts && IsConflict(e))
            {
                logger.LogDebug("A refusal tally changed under us (another instance); adding the batch again");
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), ct);
            }
        }
    }

    private static async Task TryAddAsync(
        IDocumentStore store, IReadOnlyList<Refusal> batch, RefusalOptions settings, ILogger logger, CancellationToken ct)
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
            var known = existing.GetValueOrDefault(group.Key);
            var tally = known ?? new RefusalTally
            {
                Id = group.Key, WindowStart = WindowStart(first.At, window), ActorKey = first.ActorKey, UserId = first.UserId,
            };
            var before = tally.Count;
            foreach (var refusal in group.OrderBy(r => r.At))
                tally.Add(refusal);
            if (before < settings.AlertThreshold && tally.Count >= settings.AlertThreshold)
                logger.LogWarning("Repeated refusals: {Actor} (role {Role}, agency {Agency}) refused {Count} times since {Since}",
                    tally.ActorKey, tally.Role, tally.Agency, tally.Count, tally.WindowStart);
            // Insert fails if another instance created it meanwhile; Update fails if it changed since it was loaded.
            if (known is null) session.Insert(tally);
            else session.Update(tally);
        }
        await session.SaveChangesAsync(ct);
    }

    private static bool IsConflict(Exception e) =>
        e is AggregateException all ? all.InnerExceptions.All(IsConflict) : ProblemMapping.IsConcurrencyConflict(e);

    private static DateTimeOffset WindowStart(DateTimeOffset at, TimeSpan window) =>
        new(at.UtcTicks - at.UtcTicks % window.Ticks, TimeSpan.Zero);
}
