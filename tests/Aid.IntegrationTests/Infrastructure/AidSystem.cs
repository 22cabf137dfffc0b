using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.Infrastructure;

/// <summary>
/// All four services running against real servers, isolated for one test class (class fixture).
/// </summary>
public sealed class AidSystem : IAsyncLifetime
{
    public ServiceFactory<Registration.Program> Registration { get; private set; } = null!;
    public ServiceFactory<Security.Program> Security { get; private set; } = null!;
    public ServiceFactory<Appraisal.Program> Appraisal { get; private set; } = null!;
    public ServiceFactory<Monitoring.Program> Monitoring { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.Instance;
        var (postgres, rabbitMq) = await servers.CreateIsolatedEnvironmentAsync("aid");
        Registration = new(postgres, rabbitMq);
        Security = new(postgres, rabbitMq);
        Appraisal = new(postgres, rabbitMq);
        Monitoring = new(postgres, rabbitMq);
        // Creating the clients starts the hosts: Marten schema, async daemon, bus.
        foreach (var client in new[] { Registration.CreateClient(), Security.CreateClient(), Appraisal.CreateClient(), Monitoring.CreateClient() })
            client.Dispose();
    }

    public async Task DisposeAsync()
    {
        foreach (var service in new IAsyncDisposable?[] { Registration, Security, Appraisal, Monitoring })
            if (service is not null)
                await service.DisposeAsync();
    }

    public static IDocumentStore StoreOf<TProgram>(ServiceFactory<TProgram> service) where TProgram : class =>
        service.Services.GetRequiredService<IDocumentStore>();
}
