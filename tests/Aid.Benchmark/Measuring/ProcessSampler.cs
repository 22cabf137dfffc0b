using System.Diagnostics;

namespace Aid.Benchmark.Measuring;

/// <summary>
/// Samples, once a second, the resident memory (VmRSS) and CPU time of the services' processes, of all PostgreSQL
/// and RabbitMQ (beam.smp) processes, of this benchmark, and the whole machine's busy share (/proc/stat).
/// </summary>
public sealed class ProcessSampler : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, int> services;
    private readonly Dictionary<string, List<long>> rssKb = [];
    private readonly Dictionary<int, double> cpuAtStart = []; // per pid: processes started later count from zero
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly (long Busy, long Total) machineAtStart;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public ProcessSampler(IReadOnlyDictionary<string, int> services)
    {
        this.services = services;
        foreach (var (_, pids) in Groups())
            foreach (var pid in pids) cpuAtStart[pid] = CpuSeconds(pid);
        machineAtStart = Machine();
        loop = Task.Run(SampleAsync);
    }

    private IEnumerable<(string Name, int[] Pids)> Groups()
    {
        foreach (var (name, pid) in services) yield return (name, [pid]);
        yield return ("postgres (all)", ByName("postgres"));
        yield return ("rabbitmq (all)", ByName("beam.smp"));
        yield return (BenchmarkGroup, [Environment.ProcessId]);
    }

    private async Task SampleAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var (name, pid) in services)
                if (RssKb(pid) is { } kb)
                    lock (rssKb)
                    {
                        if (!rssKb.TryGetValue(name, out var list)) rssKb[name] = list = [];
                        list.Add(kb);
                    }
            try { await Task.Delay(1000, stop.Token); } catch (OperationCanceledException) { }
        }
    }

    public sealed record Usage(string Name, double MaxRssMb, double MeanRssMb, double CpuCores);

    /// <summary>What was sampled: per group, the machine's busy share, and over how many seconds.</summary>
    public sealed record Sampled(IReadOnlyList<Usage> Groups, double MachineBusy, double Seconds)
    {
        /// <summary>The cores the system itself used (the services, PostgreSQL and RabbitMQ; not the benchmark).</summary>
        public double SystemCores => Groups.Where(g => g.Name != BenchmarkGroup).Sum(g => g.CpuCores);
    }

    public const string BenchmarkGroup = "benchmark";

    /// <summary>Per group: memory (services only) and the mean number of cores used since the start.</summary>
    public Sampled Report()
    {
        var seconds = clock.Elapsed.TotalSeconds;
        var usages = new List<Usage>();
        foreach (var (name, pids) in Groups())
        {
            List<long>? samples;
            lock (rssKb) samples = rssKb.TryGetValue(name, out var s) ? [.. s] : null;
            var cpu = pids.Sum(pid => CpuSeconds(pid) - cpuAtStart.GetValueOrDefault(pid)) / seconds;
            usages.Add(new Usage(name, samples is { Count: > 0 } ? samples.Max() / 1024.0 : double.NaN,
                samples is { Count: > 0 } ? samples.Average() / 1024.0 : double.NaN, Math.Max(0, cpu)));
        }
        var (busy, total) = Machine();
        var machineBusy = total == machineAtStart.Total ? 0 : (double)(busy - machineAtStart.Busy) / (total - machineAtStart.Total);
        return new Sampled(usages, machineBusy, seconds);
    }

    private static long? RssKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond; // utime, stime
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    private static int[] ByName(string comm) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Comm(pid) == comm)];

    private static string? Comm(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static (long Busy, long Total) Machine()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var idle = cpu[3] + cpu[4];
        var total = cpu.Take(8).Sum();
        return (total - idle, total);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
