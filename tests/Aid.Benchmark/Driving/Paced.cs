using System.Diagnostics;

namespace Aid.Benchmark.Driving;

/// <summary>
/// Open-loop arrivals: starts <c>rate</c> operations per second for the duration whether or not earlier ones have
/// finished (as independent users do), without awaiting them. Answers the operations started: rate × duration of them.
/// </summary>
public static class Paced
{
    public static async Task<List<Task>> RunAsync(double rate, TimeSpan duration, Func<int, Task> start, CancellationToken ct = default)
    {
        var started = new List<Task>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration && !ct.IsCancellationRequested)
        {
            var due = (int)(clock.Elapsed.TotalSeconds * rate) + 1;
            while (started.Count < due)
            {
                var number = started.Count;
                started.Add(Task.Run(() => start(number), ct));
            }
            await Task.Delay(5, ct);
        }
        // A late wake-up (a loaded machine) may end the loop before the last arrivals were due: start them now.
        var total = (int)Math.Round(duration.TotalSeconds * rate);
        while (started.Count < total && !ct.IsCancellationRequested)
        {
            var number = started.Count;
            started.Add(Task.Run(() => start(number), ct));
        }
        return started;
    }
}
