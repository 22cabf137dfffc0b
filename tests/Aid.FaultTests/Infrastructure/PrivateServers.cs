using System.Diagnostics;

namespace Aid.FaultTests.Infrastructure;

/// <summary>
/// A PostgreSQL and a RabbitMQ of the suite's own (deploy/servers.sh on other ports, node and data folder), so
/// that restarting them disturbs no one else. Loopback only.
/// </summary>
public sealed class PrivateServers
{
    public const int PostgresPort = 56432;
    public const int RabbitMqPort = 56672;
    public const int ManagementPort = 56674;

    public const string DataFolder = "/tmp/aid-fault-servers";

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["AID_SERVERS_DATA"] = DataFolder,
        ["AID_POSTGRES_PORT"] = PostgresPort.ToString(),
        ["AID_RABBITMQ_PORT"] = RabbitMqPort.ToString(),
        ["AID_RABBITMQ_MANAGEMENT_PORT"] = ManagementPort.ToString(),
        ["AID_RABBITMQ_DIST_PORT"] = "56679",
        ["AID_RABBITMQ_CTL_DIST_PORTS"] = "56690 56699",
        ["AID_RABBITMQ_NODE"] = "aid-faults@localhost",
    };

    public static string AdminPostgres => $"Host=127.0.0.1;Port={PostgresPort};Database=aid;Username=aid;Password=aid";

    public static string Postgres(string database) =>
        $"Host=127.0.0.1;Port={PostgresPort};Database={database};Username=aid;Password=aid;Maximum Pool Size=30";

    /// <summary>The service's own broker user (deploy/servers.sh made it and keeps its password in the data folder).</summary>
    public static string RabbitMq(string service, string vhost)
    {
        var user = service.ToLowerInvariant();
        var password = File.ReadAllText(Path.Combine(DataFolder, "broker-users", user, "password")).Trim();
        return $"amqp://{user}:{password}@127.0.0.1:{RabbitMqPort}/{vhost}";
    }

    public static Uri Management => new($"http://127.0.0.1:{ManagementPort}/");

    public Task StartAsync() => RunAsync("start");

    public Task StopAsync() => RunAsync("stop");

    /// <summary>The services' broker users get their permissions on <paramref name="vhost"/> too.</summary>
    public Task GrantServiceUsersAsync(string vhost) => RunAsync("broker-users", vhost);

    /// <summary>PostgreSQL stops (fast shutdown: sessions are cut, open transactions roll back) and starts again.</summary>
    public async Task RestartPostgresAsync()
    {
        await RunAsync("stop-postgres");
        await StartAsync();
    }

    /// <summary>The RabbitMQ node shuts down (SIGTERM: connections are closed) and starts again.</summary>
    public async Task RestartRabbitMqAsync()
    {
        await RunAsync("stop-rabbitmq");
        await StartAsync();
    }

    private static async Task RunAsync(params string[] verb)
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "deploy", "servers.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var v in verb) start.ArgumentList.Add(v);
        foreach (var (key, value) in Environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"deploy/servers.sh {string.Join(' ', verb)} failed: {await output}{await errors}");
    }
}
