using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Aid.IntegrationTests.Infrastructure;

/// <summary>
/// One real PostgreSQL 15 and one real RabbitMQ for the whole test run: Testcontainers by default, or the servers
/// named by AID_TEST_POSTGRES (connection string), AID_TEST_RABBITMQ (amqp URI) and AID_TEST_RABBITMQ_MANAGEMENT
/// (management API base URL) for people who run their own. Each test class gets its own databases (one per service,
/// as in production: no service's transactions can hold another's async daemon) and vhost.
/// </summary>
public sealed record IsolatedEnvironment(string Name, IReadOnlyDictionary<string, string> Databases, string RabbitMq)
{
    /// <summary>The services that own a database, by the name their database is suffixed with.</summary>
    public static readonly string[] Services = ["registration", "security", "appraisal", "monitoring", "notifications"];

    /// <summary>The connection string of the named service's own database (case-insensitive: "Registration" too).</summary>
    public string Postgres(string service) => Databases[service.ToLowerInvariant()];
}

public sealed class TestServers
{
    private static readonly Lazy<Task<TestServers>> Shared = new(StartAsync);
    public static Task<TestServers> Instance => Shared.Value;

    private readonly NpgsqlConnectionStringBuilder postgres;
    private readonly Uri rabbitMq;
    private readonly Uri management;

    private TestServers(string postgres, Uri rabbitMq, Uri management)
    {
        this.postgres = new NpgsqlConnectionStringBuilder(postgres);
        this.rabbitMq = rabbitMq;
        this.management = management;
    }

    private static async Task<TestServers> StartAsync()
    {
        var externalPostgres = Environment.GetEnvironmentVariable("AID_TEST_POSTGRES");
        var externalRabbit = Environment.GetEnvironmentVariable("AID_TEST_RABBITMQ");
        var externalManagement = Environment.GetEnvironmentVariable("AID_TEST_RABBITMQ_MANAGEMENT");
        if (externalPostgres is not null && externalRabbit is not null && externalManagement is not null)
            return new TestServers(externalPostgres, new Uri(externalRabbit), new Uri(externalManagement));

        var pg = new PostgreSqlBuilder("postgres:15").Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3-management").WithPortBinding(15672, true).Build();
        // Disposed by the process exit: the run's containers live as long as the test run.
        await Task.WhenAll(pg.StartAsync(), rabbit.StartAsync());
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            Task.WhenAll(pg.DisposeAsync().AsTask(), rabbit.DisposeAsync().AsTask()).Wait(TimeSpan.FromSeconds(20));

        var managementUri = new UriBuilder("http", rabbit.Hostname, rabbit.GetMappedPublicPort(15672)).Uri;
        return new TestServers(pg.GetConnectionString(), new Uri(rabbit.GetConnectionString()), managementUri);
    }

    /// <summary>New, empty databases (one per service) and RabbitMQ vhost; returns the services' connection strings.</summary>
    public async Task<IsolatedEnvironment> CreateIsolatedEnvironmentAsync(string name)
    {
        var prefix = $"t_{name}_{Guid.NewGuid():N}".ToLowerInvariant();
        var databases = new Dictionary<string, string>();
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var service in IsolatedEnvironment.Services)
            {
                var database = $"{prefix}_{service}";
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await create.ExecuteNonQueryAsync();
                databases[service] = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = database }.ConnectionString;
            }
        }

        await CreateVhostAsync(prefix);
        var isolatedRabbit = new UriBuilder(rabbitMq) { Path = "/" + prefix };
        return new IsolatedEnvironment(prefix, databases, isolatedRabbit.Uri.ToString());
    }

    private readonly object removing = new();
    private Task removals = Task.CompletedTask;

    /// <summary>
    /// <see cref="RemoveAsync"/> in the background, one environment after another: the next test class need not wait
    /// while the broker deletes a vhost's quorum queues (seconds each).
    /// </summary>
    public void RemoveLater(IsolatedEnvironment environment)
    {
        lock (removing)
            removals = removals.ContinueWith(_ => RemoveAsync(environment), TaskScheduler.Default).Unwrap();
    }

    /// <summary>Drops the test class's databases and vhost, so long runs against shared servers stay small.</summary>
    public async Task RemoveAsync(IsolatedEnvironment environment)
    {
        try
        {
            using var http = ManagementClient();
            await http.DeleteAsync($"api/vhosts/{environment.Name}");
            await BrokerUsers.RemoveAsync(http, environment.Name);
            await using var connection = new NpgsqlConnection(postgres.ConnectionString);
            await connection.OpenAsync();
            foreach (var database in environment.Databases.Values.Select(d => new NpgsqlConnectionStringBuilder(d).Database))
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        catch (Exception e) when (e is HttpRequestException or NpgsqlException or TaskCanceledException)
        {
            // Clean-up only: a leftover database or vhost does not change any result.
        }
    }

    /// <summary>The environment's own broker user for each service (see <see cref="BrokerUsers"/>): amqp URIs by service.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CreateServiceUsersAsync(IsolatedEnvironment environment)
    {
        using var http = ManagementClient();
        return await BrokerUsers.CreateAsync(http, rabbitMq, environment.Name);
    }

    private async Task CreateVhostAsync(string vhost)
    {
        var user = Uri.UnescapeDataString(rabbitMq.UserInfo.Split(':')[0]);
        using var http = ManagementClient();

        var created = await http.PutAsync($"api/vhosts/{vhost}", Json("{}"));
        created.EnsureSuccessStatusCode();
        var permitted = await http.PutAsync($"api/permissions/{vhost}/{Uri.EscapeDataString(user)}",
            Json("""{"configure":".*","write":".*","read":".*"}"""));
        permitted.EnsureSuccessStatusCode();
    }

    /// <summary>The RabbitMQ management API of the test servers, signed in.</summary>
    public HttpClient ManagementClient()
    {
        var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(rabbitMq.UserInfo))));
        return http;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
