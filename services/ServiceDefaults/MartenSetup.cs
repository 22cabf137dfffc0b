using Aid.ServiceDefaults.Audit;
using Aid.ServiceDefaults.Refusals;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aid.ServiceDefaults;

public static class MartenSetup
{
    /// <summary>
    /// The service's own Marten store, in its own schema of its own database, with full event metadata (who, correlation,
    /// causation, headers) and the async daemon in hot/cold mode so several instances share the work.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddAidMarten(
        this WebApplicationBuilder builder, string schema, Action<StoreOptions> configure)
    {
        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");

        var staleGapAfter = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("Marten:StaleGapMilliseconds", 3000));
        var skipGapsAfter = TimeSpan.FromSeconds(builder.Configuration.GetValue("Marten:SkipStaleGapsAfterSeconds", 10));
        var polling = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("Marten:DaemonPollingMilliseconds", 100));
        var idlePolling = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("Marten:DaemonIdlePollingMilliseconds", 5000));
        // The store's whole configuration, for any schema: the service's own, or a scratch copy to rebuild read models in.
        void Configure(StoreOptions opts, string inSchema)
        {
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = inSchema;
            opts.Events.DatabaseSchemaName = inSchema;
            opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            opts.Events.MetadataConfig.EnableAll();
            opts.Events.MetadataConfig.UserNameEnabled = true;
            // Transaction-scoped leadership lock: required for HotCold with this Marten build.
            opts.Events.UseAdvisoryLockTransaction = true;
            opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            // A schema-migration lock per schema: a replay's scratch schema shares the service's database, and
            // several services may still share one database by choice (each in its own schema); with the default
            // lock, four services starting at once in one database failed to start. (The daemon's own lock ids are
            // left at their defaults: Marten recognises its own leadership session by them, see below.)
            opts.ApplyChangesLockId = LockIdFor(inSchema);
            // A failed append (a lost optimistic-concurrency race, say) leaves a gap in the event sequence. Once a
            // gap has stood this long, the daemon asks PostgreSQL whether any transaction that could still fill it
            // is alive in this database (a write lock on mt_events, an open transaction, an in-progress xid from
            // before the gap) and skips the gap only when none is: a slow append is waited for, never skipped, so
            // this could in principle be short. Its own leadership session (idle in transaction for good) is ruled out
            // by its advisory lock ids. Kept at Marten's default of 3 s (the next hand-over after a lost race takes
            // about 3.3 s): at 100 ms the sealer once passed a gap that a slow append filled afterwards, under load
            // in CI, and an event passed over is an event the relay never publishes.
            opts.Projections.StaleSequenceThreshold = staleGapAfter;
            // The backstop: skip even while some transaction looks alive, after this long. Each service owns its
            // database, so other services' leadership transactions no longer count (in one shared database they
            // did, and every hand-over after a race waited these 10 s). Not lowered: skipping past an append that
            // is merely slow would lose its events for the relay and the projections.
            opts.Projections.SkipStaleGapsDespiteLiveTransactionsAfter = skipGapsAfter;
            // Each append notifies (pg_notify in its transaction) and the daemon, listening, wakes at once: a hand-over
            // between services waits for no poll. Polling stays as the safety net (a lost notification, a reconnect):
            // every 100 ms while events flow, as before, and every 5 s at rest (polling every 100 ms at rest too kept
            // each idle service at about 5 % of a core); see README, Speed and faults.
            opts.Events.UseListenNotifyForEventAppends = true;
            opts.Projections.FastPollingTime = polling;
            opts.Projections.SlowPollingTime = idlePolling;
            opts.Schema.For<HandledIntegrationEvent>().Index(h => h.EventId);
            opts.Schema.For<RefusalTally>().Index(t => t.WindowStart).UseOptimisticConcurrency(true);
            opts.Schema.For<EventSeal>().Index(s => s.StreamId);
            opts.Schema.For<StreamChainHead>();
            opts.Schema.For<LogCheckpoint>();
            configure(opts);
        }

        var blueprint = new StoreBlueprint(schema, schema, Configure);
        builder.Services.AddSingleton(blueprint);
        builder.Services.AddSingleton(sp => new ChainVerifier(sp.GetRequiredService<IDocumentStore>(), schema));
        builder.Services.AddSingleton(sp => new ReadModelReplay(sp.GetRequiredService<IDocumentStore>(), blueprint));
        var marten = builder.Services.AddMarten(opts => Configure(opts, schema))
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);
        marten.AddSubscriptionWithServices<EventSealer>(ServiceLifetime.Singleton);
        return marten;
    }

    /// <summary>A stable advisory lock id per schema (string.GetHashCode is randomised per process).</summary>
    private static int LockIdFor(string schema)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(schema));
        return Math.Abs(BitConverter.ToInt32(hash, 0) % 1_000_000_000) + 10_000;
    }
}
