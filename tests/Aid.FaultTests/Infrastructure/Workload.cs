using System.Diagnostics;
using Aid.Benchmark.Driving;
using Xunit.Abstractions;

namespace Aid.FaultTests.Infrastructure;

/// <summary>
/// Dossiers flowing while a fault happens: <c>count</c> dossiers submitted at <c>rate</c> per second over a few
/// NGOs, each moved through every stage to approval by officers who send a command again when it failed (as
/// people do: connection refused, 5xx or timeout; a 409 to a repeat means the first attempt was applied). The
/// fault runs <c>after</c> the first submissions, concurrently with the flows. Every flow must finish in time.
/// </summary>
public sealed class Workload(FaultSystem system, ITestOutputHelper output)
{
    public static readonly TimeSpan FlowTimeout = TimeSpan.FromSeconds(90);

    public async Task<(AidApi Api, List<(Guid Ngo, Guid Dossier)> Dossiers)> RunAsync(
        int count, double rate, TimeSpan after, Func<Task> fault)
    {
        var api = new AidApi(system.Urls, requestTimeout: TimeSpan.FromSeconds(10));
        var flow = new DossierFlow(api, new FlowOptions
        {
            RetryUntilAccepted = true, StageTimeout = FlowTimeout, PollInterval = TimeSpan.FromMilliseconds(100),
        });
        var ngos = new List<Guid>();
        for (var n = 0; n < 3; n++) ngos.Add(await flow.RegisterNgoAsync(n, CancellationToken.None));
        var dossiers = Enumerable.Range(0, count).Select(n => (Ngo: ngos[n % ngos.Count], Dossier: Guid.NewGuid())).ToList();

        var clock = Stopwatch.StartNew();
        var faultDone = Task.Run(async () =>
        {
            await Task.Delay(after);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: fault begins");
            await fault();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: fault over");
        });
        var flows = await Paced.RunAsync(rate, TimeSpan.FromSeconds(count / rate), async n =>
        {
            if (n >= count) return;
            var (ngo, dossier) = dossiers[n];
            var trace = await flow.SubmitAsync(ngo, dossier, CancellationToken.None);
            await flow.CompleteAsync(ngo, trace, CancellationToken.None);
        });
        await faultDone;
        if (flows.Count < count) throw new FlowFailed($"only {flows.Count} of {count} dossiers were submitted");
        var all = Task.WhenAll(flows);
        try
        {
            await all;
        }
        catch (Exception) when (all.Exception is { } failures)
        {
            throw new FlowFailed($"{failures.InnerExceptions.Count} of {count} dossiers did not reach approval: " +
                string.Join(" | ", failures.InnerExceptions.Select(e => e.Message).Distinct().Take(5)));
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: all {count} dossiers approved and monitored");
        return (api, dossiers);
    }
}
