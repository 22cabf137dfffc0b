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
    /// The service's own Marten store, in its own schema, with full event metadata (who, correlation,
    /// causation, headers) and the async daemon in hot/cold mode so several instances share the work.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddAidMarten(
        this WebApplicationBuilder builder, string schema, Action<StoreOptions> configure)
    {
        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");

        var skipGapsAfter = TimeSpan.FromSeconds(builder.Configuration.GetValue("Marten:SkipStaleGapsAfterSeconds", 10));
        var polling = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("Marten:DaemonPollingMilliseconds", 100));
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
            // Services may share one database (each in its own schema): with the default schema-migration lock,
            // four services starting at once failed to start. (The daemon's own lock ids are left at their
            // defaults: moving them broke the daemon's progress after a failed append.)
            opts.ApplyChangesLockId = LockIdFor(inSchema);
            // A failed append (a lost optimistic-concurrency race, say) leaves a gap in the event sequence. The
            // daemon holds at a gap while any transaction that might fill it is alive, and with transaction-scoped
            // leadership locks the other services' daemons keep such transactions open for good: it would hold
            // forever. Our appends commit within milliseconds, so a gap still open after this long is a rollback.
            opts.Projections.SkipStaleGapsDespiteLiveTransactionsAfter = skipGapsAfter;
            // How often the daemon looks for new events (Marten's defaults: 250 ms busy, 1 s idle). Every hand-over
            // between services waits for it twice (the relay, then the consumer's service's own relay), so the
            // defaults made each stage take about a second to reach the NGO's status view; see README, Speed and faults.
            opts.Projections.FastPollingTime = polling;
            opts.Projections.SlowPollingTime = polling;
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
