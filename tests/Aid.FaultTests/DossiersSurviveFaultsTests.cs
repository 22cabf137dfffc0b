using Aid.FaultTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Aid.FaultTests;

/// <summary>
/// Dossiers keep flowing, and nothing is lost or done twice, while a service is killed, the broker or the database
/// restarts, or two instances of every service run and one of each dies. Real processes on private servers.
/// </summary>
[Trait("Category", "Faults")]
public sealed class DossiersSurviveFaultsTests(FaultSystem system, ITestOutputHelper output) : IClassFixture<FaultSystem>
{
    private const int Dossiers = 10;
    private const double Rate = 2.5;
    private static readonly TimeSpan FaultAfter = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Services_killed_with_SIGKILL_and_restarted_lose_nothing()
    {
        // The HTTP edge and status view (Registration) and the service in the middle of the chain, which consumes from
        // two services and publishes to two (Appraisal), die at once and come back on their ports.
        string[] victims = ["Registration", "Appraisal"];
        await system.EnsureEveryServiceRunsAsync();
        var (api, dossiers) = await new Workload(system, output).RunAsync(Dossiers, Rate, FaultAfter, async () =>
        {
            var killed = victims.Select(system.Live).ToList();
            foreach (var victim in killed)
            {
                victim.Kill();
                output.WriteLine($"killed {victim.Name} (pid {victim.Pid}) with SIGKILL");
            }
            var restarted = killed.Select(victim => ServiceProcess.Start(victim.Name, FaultSystem.Postgres(victim.Name), FaultSystem.RabbitMq(victim.Name), onPort: victim.Port)).ToList();
            foreach (var instance in restarted) system.Instances[instance.Name].Insert(0, instance);
            await Task.WhenAll(restarted.Select(i => i.WaitReadyAsync(FaultSystem.StartTimeout)));
        });
        await Verification.AssertEveryDossierApprovedOnceAsync(system, api, dossiers);
    }

    [Fact]
    public async Task RabbitMQ_restarting_loses_nothing()
    {
        await system.EnsureEveryServiceRunsAsync();
        var (api, dossiers) = await new Workload(system, output).RunAsync(Dossiers, Rate, FaultAfter,
            () => system.Servers.RestartRabbitMqAsync());
        await Verification.AssertEveryDossierApprovedOnceAsync(system, api, dossiers);
    }

    [Fact]
    public async Task PostgreSQL_restarting_loses_nothing()
    {
        await system.EnsureEveryServiceRunsAsync();
        var (api, dossiers) = await new Workload(system, output).RunAsync(Dossiers, Rate, FaultAfter,
            () => system.Servers.RestartPostgresAsync());
        await Verification.AssertEveryDossierApprovedOnceAsync(system, api, dossiers);
    }

    [Fact]
    public async Task Two_instances_of_every_service_share_the_work_and_one_of_each_may_die()
    {
        await system.EnsureEveryServiceRunsAsync();
        // The first instances (daemon leaders, consumers) keep running; the second ones answer HTTP.
        var first = FaultSystem.ServiceNames.ToDictionary(n => n, system.Live);
        foreach (var name in FaultSystem.ServiceNames)
        {
            var second = ServiceProcess.Start(name, FaultSystem.Postgres(name), FaultSystem.RabbitMq(name));
            system.Instances[name].Insert(0, second);
        }
        foreach (var name in FaultSystem.ServiceNames) await system.Instances[name][0].WaitReadyAsync(FaultSystem.StartTimeout);

        var (api, dossiers) = await new Workload(system, output).RunAsync(Dossiers, Rate, TimeSpan.FromSeconds(4), () =>
        {
            foreach (var (name, instance) in first)
            {
                instance.Kill();
                output.WriteLine($"killed the first {name} (pid {instance.Pid}) with SIGKILL");
            }
            return Task.CompletedTask;
        });
        await Verification.AssertEveryDossierApprovedOnceAsync(system, api, dossiers);
    }

    [Fact]
    public async Task Queues_are_durable_quorum_queues()
    {
        await system.EnsureEveryServiceRunsAsync();
        var queues = (await system.Broker.QueuesAsync()).Where(q => !q.Name.EndsWith("_error", StringComparison.Ordinal)
            && !q.Name.EndsWith("_skipped", StringComparison.Ordinal)).ToList();
        Assert.Contains(queues, q => q.Name.StartsWith("registration", StringComparison.Ordinal));
        Assert.All(queues, q => Assert.True(q.Durable && q.Type == "quorum", $"{q.Name}: {q.Type}, durable {q.Durable}"));
    }
}
