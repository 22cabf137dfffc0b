using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.Infrastructure;

/// <summary>
/// All four services running against real servers, isolated for one test class (class fixture).
/// </summary>
public class AidSystem : IAsyncLifetime
{
    public ServiceFactory<Registration.Program> Registration { get; private set; } = null!;
    public ServiceFactory<Security.Program> Security { get; private set; } = null!;
    public ServiceFactory<Appraisal.Program> Appraisal { get; private set; } = null!;
    public ServiceFactory<Monitoring.Program> Monitoring { get; private set; } = null!;

    /// <summary>The time every service of this system sees; tests move it forward.</summary>
    public TestClock Clock { get; } = new();

    private protected IsolatedEnvironment? environment;

    /// <summary>The amqp:// URI of this system's own vhost.</summary>
    public Uri RabbitMq => new(environment!.RabbitMq);

    /// <summary>The amqp:// URI each service logs in with (by service name, lower case): the test administrator's,
    /// or with <see cref="OwnBrokerUsers"/> the service's own user.</summary>
    public IReadOnlyDictionary<string, string> ServiceRabbitMq { get; private set; } = new Dictionary<string, string>();

    /// <summary>Each service logs in to the broker as its own user, with the permissions it has in production.
    /// Off by default: many tests publish other services' events through Registration's bus.</summary>
    protected virtual bool OwnBrokerUsers => false;

    /// <summary>Configuration every service of this system gets on top of the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public virtual async Task InitializeAsync()
    {
        var servers = await TestServers.Instance;
        environment = await servers.CreateIsolatedEnvironmentAsync("aid");
        ServiceRabbitMq = OwnBrokerUsers
            ? await servers.CreateServiceUsersAsync(environment)
            : IsolatedEnvironment.Services.ToDictionary(s => s, _ => environment.RabbitMq);
        // Each service in its own database, as in production.
        Registration = new(environment.Postgres("registration"), ServiceRabbitMq["registration"], Clock, Settings);
        Security = new(environment.Postgres("security"), ServiceRabbitMq["security"], Clock, Settings);
        Appraisal = new(environment.Postgres("appraisal"), ServiceRabbitMq["appraisal"], Clock, Settings);
        Monitoring = new(environment.Postgres("monitoring"), ServiceRabbitMq["monitoring"], Clock, Settings);
        // Creating the clients starts the hosts (Marten schema, async daemon, bus), side by side: most of a start is
        // waiting on the servers. Tests start once every service is ready, its queues bound: a message published to
        // an exchange before its queues exist would reach no one.
        var services = new IServiceClient[] { Registration, Security, Appraisal, Monitoring };
        foreach (var client in await Task.WhenAll(services.Select(s => Task.Run(s.CreateClient))))
            using (client)
                await Eventually.Returns(async () =>
                    (await client.GetAsync("/health/ready")).StatusCode == System.Net.HttpStatusCode.OK ? "ready" : null,
                    "every service to be ready", TimeSpan.FromSeconds(60));
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var service in new IAsyncDisposable?[] { Registration, Security, Appraisal, Monitoring })
            if (service is not null)
                await service.DisposeAsync();
        if (environment is not null)
            (await TestServers.Instance).RemoveLater(environment);
    }

    /// <summary>One of the four services by its name: registration, security, appraisal or monitoring.</summary>
    public IServiceClient Service(string name) => name switch
    {
        "registration" => Registration,
        "security" => Security,
        "appraisal" => Appraisal,
        "monitoring" => Monitoring,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a service of the system"),
    };

    public static IDocumentStore StoreOf<TProgram>(ServiceFactory<TProgram> service) where TProgram : class =>
        service.Services.GetRequiredService<IDocumentStore>();
}
