using System.Diagnostics;
using System.Text.Json;
using Aid.Audit;
using JasperFx;
using Marten;
using Npgsql;

namespace Aid.ServiceDefaults.Audit;

/// <summary>How the service's store is configured, so a scratch copy can be built with the very same projections.</summary>
public sealed record StoreBlueprint(string Service, string Schema, Action<StoreOptions, string> Configure);

/// <summary>
/// Rebuilds every read model from the event history alone and compares it with the live one, without stopping the
/// service or touching its data: the events are replayed, in their order, into a fresh scratch schema where the
/// service's own projections build their documents; then each document table is compared with the live one (jsonb
/// equality in PostgreSQL), and the scratch schema is dropped. Events appended meanwhile are caught up before a
/// difference is reported.
/// </summary>
public sealed class ReadModelReplay(IDocumentStore live, StoreBlueprint blueprint)
{
    private const int PageSize = 1_000;
    private const int MaxDifferencesListed = 100;

    public async Task<ReplayReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var scratch = $"{blueprint.Schema}_replay_{Guid.NewGuid():N}"[..40];
        StoreOptions options = null!;
        using var shadow = DocumentStore.For(o => blueprint.Configure(options = o, scratch));
        await shadow.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        try
        {
            long upTo = 0;
            var replayed = 0;
            while (true)
            {
                var target = await LatestSequenceAsync(cancellationToken);
                replayed += await CopyAsync(shadow, upTo, target, cancellationToken);
                upTo = target;
                var (models, differences) = await CompareAsync(options, scratch, cancellationToken);
                // A difference may only be an event appended while comparing: catch up and compare again.
                if (differences.Count == 0 || await LatestSequenceAsync(cancellationToken) == target)
                    return new ReplayReport(blueprint.Service, upTo, replayed, differences.Count == 0, models,
                        differences.Take(MaxDifferencesListed).ToList(), clock.ElapsedMilliseconds);
            }
        }
        finally
        {
            await ExecuteAsync($"""drop schema if exists "{scratch}" cascade""", CancellationToken.None);
        }
    }

    private async Task<long> LatestSequenceAsync(CancellationToken ct)
    {
        await using var connection = live.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        return await EventChain.LatestSequenceAsync(connection, blueprint.Schema, ct);
    }

    /// <summary>Appends the live events (after <paramref name="from"/>, up to <paramref name="to"/>) in their order.</summary>
    private async Task<int> CopyAsync(IDocumentStore shadow, long from, long to, CancellationToken ct)
    {
        var copied = 0;
        await using var reader = live.QuerySession();
        while (from < to)
        {
            var page = await reader.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > from && e.Sequence <= to)
                .OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0) break;
            await using var writer = shadow.LightweightSession();
            // With the versions stated, the projections see each event's stream version as they did live.
            foreach (var stream in page.GroupBy(e => e.StreamId))
            {
                var events = stream.Select(e => e.Data).ToArray();
                if (stream.First().Version == 1)
                    writer.Events.StartStream(stream.Key, events);
                else
                    writer.Events.Append(stream.Key, stream.Last().Version, events);
            }
            await writer.SaveChangesAsync(ct);
            copied += page.Count;
            from = page[^1].Sequence;
        }
        return copied;
    }

    private async Task<(List<ReadModelResult>, List<ReadModelDifference>)> CompareAsync(
        StoreOptions shadow, string scratch, CancellationToken ct)
    {
        var models = new List<ReadModelResult>();
        var differences = new List<ReadModelDifference>();
        await using var connection = live.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        foreach (var type in shadow.Projections.AllPublishedTypes().Distinct().OrderBy(t => t.Name))
        {
            var table = ((IReadOnlyStoreOptions)shadow).FindOrResolveDocumentType(type).TableName.Name;
            var liveTable = $"\"{blueprint.Schema}\".\"{table}\"";
            var rebuiltTable = $"\"{scratch}\".\"{table}\"";
            var found = new List<ReadModelDifference>();
            await using (var command = new NpgsqlCommand($"""
                select coalesce(l.id, r.id)::text, l.data::text, r.data::text
                from {liveTable} l full outer join {rebuiltTable} r on l.id = r.id
                where l.data is distinct from r.data
                order by 1
                """, connection))
            await using (var rows = await command.ExecuteReaderAsync(ct))
                while (await rows.ReadAsync(ct))
                {
                    var liveJson = rows.IsDBNull(1) ? (JsonElement?)null : Parse(rows.GetString(1));
                    var rebuiltJson = rows.IsDBNull(2) ? (JsonElement?)null : Parse(rows.GetString(2));
                    var kind = liveJson is null ? DifferenceKind.MissingInLive
                        : rebuiltJson is null ? DifferenceKind.MissingInRebuild : DifferenceKind.Different;
                    found.Add(new ReadModelDifference(type.Name, rows.GetString(0), kind, liveJson, rebuiltJson));
                }
            models.Add(new ReadModelResult(type.Name, await CountAsync(connection, liveTable, ct),
                await CountAsync(connection, rebuiltTable, ct), found.Count));
            differences.AddRange(found);
        }
        return (models, differences);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static async Task<int> CountAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select count(*) from {table}", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = live.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
