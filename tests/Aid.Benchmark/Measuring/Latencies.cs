using System.Collections.Concurrent;

namespace Aid.Benchmark.Measuring;

/// <summary>Every sample of one measured thing, in milliseconds (a run keeps at most a few million doubles).</summary>
public sealed class Samples
{
    private readonly List<double> values = [];
    private long failures;

    public void Add(double milliseconds)
    {
        lock (values) values.Add(milliseconds);
    }

    public void Fail() => Interlocked.Increment(ref failures);

    public long Failures => Interlocked.Read(ref failures);

    public int Count
    {
        get { lock (values) return values.Count; }
    }

    public Summary Summarise()
    {
        double[] sorted;
        lock (values) sorted = [.. values];
        Array.Sort(sorted);
        return new Summary(sorted.Length, Failures, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99),
            sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    private static double At(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}

public sealed record Summary(int Count, long Failures, double P50, double P95, double P99, double Max);

/// <summary>Named sample sets, created on first use.</summary>
public sealed class Latencies
{
    private readonly ConcurrentDictionary<string, Samples> byName = new();

    public Samples this[string name] => byName.GetOrAdd(name, _ => new Samples());

    public IReadOnlyDictionary<string, Samples> All => byName;
}
