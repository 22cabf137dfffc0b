using System.Diagnostics;
using Aid.Benchmark.Measuring;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace Aid.Benchmark.Ceilings;

public sealed record CeilingEvent(Guid Id, int Number, string Note);

/// <summary>
/// The machine's raw event-store ceiling: concurrent writers each appending one small event per transaction to
/// their own stream with a plain Marten store (same metadata settings as the services), in a scratch schema
/// that is dropped afterwards. No HTTP, no reads, no projections, no bus.
/// </summary>
public static class MartenAppendCeiling
{
    public const string Schema = "bench_ceiling";

    public static async Task<CeilingResult> MeasureAsync(string connectionString, int writers, TimeSpan duration)
    {
        using var store = DocumentStore.For(opts =>
        {
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = Schema;
            opts.Events.DatabaseSchemaName = Schema;
            opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            opts.Events.MetadataConfig.EnableAll();
            opts.AutoCreateSchemaObjects = AutoCreate.All;
            opts.DisableNpgsqlLogging = true;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var latencies = new Samples();
        try
        {
            using var stop = new CancellationTokenSource(duration);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                var stream = Guid.NewGuid();
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await using var session = store.LightweightSession();
                    session.CorrelationId = "ceiling";
                    if (n == 0) session.Events.StartStream(stream, new CeilingEvent(Guid.NewGuid(), n, "ceiling"));
                    else session.Events.Append(stream, new CeilingEvent(Guid.NewGuid(), n, "ceiling"));
                    await session.SaveChangesAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            })));
            return new CeilingResult(latencies.Count / clock.Elapsed.TotalSeconds, latencies.Summarise());
        }
        finally
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Operations per second, and the latency of one operation.</summary>
public sealed record CeilingResult(double PerSecond, Summary Latency);
