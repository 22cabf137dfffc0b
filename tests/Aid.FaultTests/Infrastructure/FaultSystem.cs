using Aid.Benchmark.Driving;
using Npgsql;
using Xunit;

namespace Aid.FaultTests.Infrastructure;

/// <summary>
/// The whole system as real processes on private servers: fresh databases (one per service) and a vhost, the four services, and
/// room for more instances of each. Shared by the fault tests (one after another); each test leaves at least
/// one live instance of every service.
/// </summary>
public sealed class FaultSystem : IAsyncLifetime
{
    public static readonly string[] ServiceNames = ["Registration", "Security", "Appraisal", "Monitoring"];
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private const string DatabasePrefix = "aid_faults";
    private const string VirtualHost = "aid_faults";

    public PrivateServers Servers { get; } = new();

    public Dictionary<string, List<ServiceProcess>> Instances { get; } = ServiceNames.ToDictionary(n => n, _ => new List<ServiceProcess>());

    /// <summary>The connection string of the service's own database ("Registration" or "registration").</summary>
    public static string Postgres(string service) => PrivateServers.Postgres($"{DatabasePrefix}_{service.ToLowerInvariant()}");

    /// <summary>The amqp URI of the service's own broker user on the suite's vhost.</summary>
    public static string RabbitMq(string service) => PrivateServers.RabbitMq(service, VirtualHost);

    public Management Broker { get; } = new(PrivateServers.Management, VirtualHost);

    public async Task InitializeAsync()
    {
        await Servers.StartAsync();
        await using (var connection = new NpgsqlConnection(PrivateServers.AdminPostgres))
        {
            await connection.OpenAsync();
            foreach (var database in ServiceNames.Select(n => $"{DatabasePrefix}_{n.ToLowerInvariant()}"))
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", $"CREATE DATABASE {database} OWNER aid" })
                await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
        }
        await Broker.RecreateVirtualHostAsync();
        await Servers.GrantServiceUsersAsync(VirtualHost);
        await Task.WhenAll(ServiceNames.Select(StartInstanceAsync));
    }

    public async Task<ServiceProcess> StartInstanceAsync(string name)
    {
        var instance = ServiceProcess.Start(name, Postgres(name), RabbitMq(name));
        Instances[name].Add(instance);
        await instance.WaitReadyAsync(StartTimeout);
        return instance;
    }

    /// <summary>The first live instance of the service (whose HTTP the flows use).</summary>
    public ServiceProcess Live(string name) => Instances[name].First(i => i.Alive);

    public ServiceUrls Urls => new(Live("Registration").Url, Live("Security").Url, Live("Appraisal").Url, Live("Monitoring").Url);

    /// <summary>Every service has a live, ready instance (a test that failed half-way may have left one dead).</summary>
    public async Task EnsureEveryServiceRunsAsync()
    {
        foreach (var name in ServiceNames)
            if (!Instances[name].Any(i => i.Alive)) await StartInstanceAsync(name);
        foreach (var name in ServiceNames) await Live(name).WaitReadyAsync(StartTimeout);
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in Instances.Values.SelectMany(i => i)) instance.Kill();
        await Servers.StopAsync();
    }
}
