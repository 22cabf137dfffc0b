using System.Diagnostics;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Audit;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace Aid.AuditBench;

/// <summary>
/// How long sealing, verification and a full read-model rebuild take: appends N events (default 100,000: 10,000
/// dossier-like streams of 10 events, one step of every stream after the other) into a scratch schema with the services' own Marten set-up (inline snapshot,
/// event sealer on the async daemon), then times each step and drops the schema.
/// Usage: dotnet run --project tests/Aid.AuditBench -c Release -- [events] [connection string]
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var connectionString = args.Length > 1 ? args[1] : "Host=127.0.0.1;Port=55432;Database=aid;Username=aid;Password=aid";
        var schema = $"bench_audit_{Guid.NewGuid():N}"[..24];

        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:Postgres"] = connectionString;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAidMarten(schema, opts => opts.Projections.Snapshot<BenchDossier>(SnapshotLifecycle.Inline));
        await using var app = builder.Build();
        try
        {
            var store = app.Services.GetRequiredService<IDocumentStore>();
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var clock = Stopwatch.StartNew();
            await AppendAsync(store, total);
            Report("append (inline snapshot)", total, clock);

            clock.Restart();
            await app.StartAsync(); // the async daemon: the event sealer starts here
            while (await SealedAsync(store) < total)
                await Task.Delay(250);
            Report("seal (async daemon, with checkpoints)", total, clock);

            clock.Restart();
            var verification = await app.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
            Report($"verify whole log (intact: {verification.Intact}, {verification.CheckpointsChecked} checkpoints)", total, clock);

            clock.Restart();
            var one = await app.Services.GetRequiredService<ChainVerifier>().VerifyAsync(verification.FirstBreak?.StreamId ?? await AnyStreamAsync(store));
            Console.WriteLine($"verify one stream of {one.EventsChecked} events (intact: {one.Intact}): {clock.Elapsed.TotalMilliseconds:F0} ms");

            clock.Restart();
            var replay = await app.Services.GetRequiredService<ReadModelReplay>().RunAsync();
            Report($"rebuild + compare every read model (equal: {replay.Equal})", replay.EventsReplayed, clock);
            return verification.Intact && replay.Equal ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists \"{schema}\" cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Step by step across all streams, as dossiers advance in real life: a stream's chain spans many pages.</summary>
    private static async Task AppendAsync(IDocumentStore store, int total)
    {
        const int perStream = 10, perSession = 1_000;
        var streams = Enumerable.Range(0, Math.Max(1, total / perStream)).Select(_ => Guid.NewGuid()).ToList();
        for (var step = 0; step < perStream; step++)
            foreach (var batch in streams.Chunk(perSession))
            {
                await using var session = store.LightweightSession();
                session.LastModifiedBy = "bench";
                session.CorrelationId = Guid.NewGuid().ToString("N");
                foreach (var id in batch)
                    if (step == 0)
                        session.Events.StartStream(id, new BenchOpened(id, $"Dự án nước sạch {id:N}", "Tổ chức phi chính phủ", 120_000m));
                    else
                        session.Events.Append(id, new BenchStepRecorded(id, step, "Bước xử lý hồ sơ theo quy trình", DateTimeOffset.UtcNow));
                await session.SaveChangesAsync();
            }
    }

    private static async Task<int> SealedAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return await session.Query<EventSeal>().CountAsync();
    }

    private static async Task<Guid> AnyStreamAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return (await session.Query<BenchDossier>().FirstAsync()).Id;
    }

    private static void Report(string what, int events, Stopwatch clock) => Console.WriteLine(
        $"{what,-70} {events,8} events {clock.Elapsed.TotalSeconds,8:F1} s   {clock.Elapsed.TotalSeconds * 100_000 / Math.Max(events, 1),8:F1} s per 100,000");
}

public sealed record BenchOpened(Guid DossierId, string Title, string Ngo, decimal Amount);

public sealed record BenchStepRecorded(Guid DossierId, int Step, string Note, DateTimeOffset At);

public sealed record BenchDossier(Guid Id, string Title, int Steps)
{
    public static BenchDossier Create(BenchOpened e) => new(e.DossierId, e.Title, 0);

    public BenchDossier Apply(BenchStepRecorded e) => this with { Steps = Steps + 1 };
}
