using System.Diagnostics;
using Aid.Benchmark;
using Aid.Benchmark.Ceilings;
using Aid.Benchmark.Driving;
using Aid.Benchmark.Measuring;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(Options.Help);
    return 0;
}
var options = Options.Parse(args);
var urls = ServiceUrls.OnPorts(options.Ports[0], options.Ports[1], options.Ports[2], options.Ports[3]);
var report = new Report(options);
void Say(string line) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {line}");
var flowOptions = new FlowOptions { PollInterval = TimeSpan.FromMilliseconds(options.PollMs) };

// 0. Warm-up: the NGOs, and a few dossiers through every stage (JIT, connection pools, lookup targets).
Say($"warm-up: registering {options.Ngos} NGOs and driving 10 dossiers through every stage");
List<Guid> ngos = [];
List<(Guid Ngo, Guid Dossier)> known = [];
using (var warmApi = new AidApi(urls))
{
    var warm = new DossierFlow(warmApi, flowOptions);
    for (var n = 0; n < options.Ngos; n++) ngos.Add(await warm.RegisterNgoAsync(n, CancellationToken.None));
    await Task.WhenAll(Enumerable.Range(0, 10).Select(async n =>
    {
        var ngo = ngos[n % ngos.Count];
        var dossier = Guid.NewGuid();
        var trace = await warm.SubmitAsync(ngo, dossier, CancellationToken.None);
        await warm.CompleteAsync(ngo, trace, CancellationToken.None);
        lock (known) known.Add((ngo, dossier));
    }));
}

// 1. Ceilings of this machine, with the services idle.
if (options.CeilingSeconds > 0)
{
    var length = TimeSpan.FromSeconds(options.CeilingSeconds);
    Say($"ceiling: plain Marten append loop, {options.CeilingWriters} writers, {options.CeilingSeconds} s");
    report.MartenCeiling = await MartenAppendCeiling.MeasureAsync(options.Postgres, options.CeilingWriters, length);
    Say($"ceiling: plain RabbitMQ publish (confirms) / consume loop, {options.CeilingWriters} publishers, {options.CeilingSeconds} s");
    report.RabbitCeiling = await RabbitMqCeiling.MeasureAsync(options.RabbitMq, options.CeilingWriters, length);
}

// 2. At rest: what the system uses with nothing to do (after the warm-up's work has settled).
if (options.IdleSeconds > 0)
{
    Say($"idle: the system's CPU at rest for {options.IdleSeconds} s");
    await Task.Delay(TimeSpan.FromSeconds(5));
    await using var idle = new ProcessSampler(options.Pids);
    await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
    report.Idle = idle.Report();
}

// 3. Status lookups alone: the NGO status view of known dossiers at the asked rate.
using var api = new AidApi(urls);
if (options.Lookups > 0)
{
    Say($"lookups: {options.Lookups}/s for {options.LookupDuration} s");
    var tokens = await Task.WhenAll(known.Select(k => api.TokenFor("ngo.staff", k.Ngo)));
    var clock = Stopwatch.StartNew();
    var lookups = await Paced.RunAsync(options.Lookups, TimeSpan.FromSeconds(options.LookupDuration), async n =>
    {
        try { await api.StatusAsync(known[n % known.Count].Dossier, tokens[n % known.Count], CancellationToken.None); }
        catch (Exception) { api.Lookups.Fail(); }
    });
    await Task.WhenAll(lookups);
    report.LookupSeconds = clock.Elapsed.TotalSeconds;
    report.Lookups = api.Lookups.Summarise();
}

// 4. The flow: dossiers arrive at the asked rate and each is moved through every stage to approval.
if (options.StepBy > 0)
{
    // Step mode: raise the rate until a hand-over's p99 passes 1 s (or dossiers fail or are shed); the knee is the
    // last rate that kept every hand-over under it.
    for (var rate = options.Rate; rate <= options.StepMax; rate += options.StepBy)
    {
        var step = await FlowAsync(rate, options.StepSeconds);
        report.Steps.Add((rate, step));
        Say($"step {rate}/s: worst hand-over p99 {step.WorstHandOverP99:0} ms, failed {step.Failed}, shed {step.Shed}");
        if (!step.UnderOneSecond) break;
    }
}
else
    report.Flow = await FlowAsync(options.Rate, options.Duration);

var text = report.Render();
Console.WriteLine(text);
if (options.Out is { } path)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    await File.WriteAllTextAsync(path, text);
}
return (report.Flow ?? report.Steps.LastOrDefault().Figures) is { Failed: 0 } ? 0 : 1;

async Task<FlowFigures> FlowAsync(double rate, int duration)
{
    Say($"flow: {rate} dossiers/s for {duration} s (each through every stage; in flight at most {options.MaxInFlight})");
    var flow = new DossierFlow(api, flowOptions);
    var before = await StoreCounters.ReadAsync(options.Postgres);
    long inFlight = 0, completed = 0, shed = 0;
    var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
    await using var sampler = new ProcessSampler(options.Pids);
    var commandsBefore = api.AllCommands.Count;
    var pollsBefore = api.Polls.Count;
    var flowClock = Stopwatch.StartNew();
    using var progress = new Timer(_ => Say(
        $"  {flowClock.Elapsed.TotalSeconds:0} s: in flight {Interlocked.Read(ref inFlight)}, completed {Interlocked.Read(ref completed)}, " +
        $"failed {failures.Count}, commands {api.AllCommands.Count - commandsBefore}"), null, 10_000, 10_000);
    var flows = await Paced.RunAsync(rate, TimeSpan.FromSeconds(duration), async n =>
    {
        if (Interlocked.Increment(ref inFlight) > options.MaxInFlight)
        {
            Interlocked.Decrement(ref inFlight);
            Interlocked.Increment(ref shed);
            return;
        }
        try
        {
            var ngo = ngos[n % ngos.Count];
            var dossier = Guid.NewGuid();
            var trace = await flow.SubmitAsync(ngo, dossier, CancellationToken.None);
            await flow.CompleteAsync(ngo, trace, CancellationToken.None);
            Interlocked.Increment(ref completed);
        }
        catch (Exception e)
        {
            failures.Add(e.Message);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    });
    var window = flowClock.Elapsed.TotalSeconds;
    var commandsInWindow = api.AllCommands.Count - commandsBefore;
    var pollsInWindow = api.Polls.Count - pollsBefore;
    var atWindowEnd = await StoreCounters.ReadAsync(options.Postgres);
    var usage = sampler.Report();
    Say($"flow phase over after {window:0} s; waiting for {Interlocked.Read(ref inFlight)} dossiers still in flight");
    await Task.WhenAll(flows);
    var drained = sampler.Report();
    var (sinceSubmission, handOver) = await VisibilityAsync(flow);
    return new FlowFigures(
        Rate: rate, Started: flows.Count - (int)shed, Completed: (int)completed, Failed: failures.Count, Shed: (int)shed,
        WindowSeconds: window, DrainSeconds: flowClock.Elapsed.TotalSeconds - window,
        CommandsPerSecond: commandsInWindow / window, Commands: api.AllCommands.Summarise(),
        EventsPerSecond: (atWindowEnd.Events - before.Events) / window,
        IntegrationEventsPerSecond: (atWindowEnd.IntegrationEventsHandled - before.IntegrationEventsHandled) / window,
        PollsPerSecond: pollsInWindow / window, Polls: api.Polls.Summarise(),
        ByCommand: api.Commands.All.ToDictionary(c => c.Key, c => c.Value.Summarise()),
        SinceSubmission: sinceSubmission, HandOver: handOver,
        Usage: usage.Groups, MachineBusy: usage.MachineBusy,
        CpuMsPerDossier: completed == 0 ? double.NaN : drained.SystemCores * drained.Seconds * 1000 / completed,
        FirstFailures: [.. failures.GroupBy(f => f).OrderByDescending(g => g.Count()).Take(5).Select(g => $"{g.Count()}× {g.Key}")]);
}

// For every traced dossier and stage: since submission, and since the command that caused it, until the
// Registration event that put the stage in the NGO's status view (same machine, same wall clock).
async Task<(Dictionary<string, Summary>, Dictionary<string, Summary>)> VisibilityAsync(DossierFlow traced)
{
    var visibleAt = await StoreCounters.VisibleAtAsync(options.Postgres, traced.Traces.Keys.ToList());
    Latencies since = new(), hand = new();
    foreach (var trace in traced.Traces.Values)
        foreach (var milestone in DossierFlow.Milestones)
            if (visibleAt.TryGetValue((trace.Dossier, milestone.RegistrationEvent), out var at))
            {
                since[milestone.Name].Add((at - trace.SubmittedAt).TotalMilliseconds);
                var cause = trace.CausedAt.TryGetValue(milestone.Name, out var c) ? c : trace.SubmittedAt;
                hand[milestone.Name].Add((at - cause).TotalMilliseconds);
            }
    return (since.All.ToDictionary(c => c.Key, c => c.Value.Summarise()), hand.All.ToDictionary(c => c.Key, c => c.Value.Summarise()));
}
