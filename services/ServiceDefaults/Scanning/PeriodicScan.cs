using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aid.ServiceDefaults.Scanning;

/// <summary>
/// A scan run at start-up and then every <see cref="Interval"/> until shutdown (overdue flags, reminders). A scan that
/// fails is logged and simply runs again at the next interval: every scan records what it did, so a repeat is harmless.
/// </summary>
public abstract class PeriodicScan(ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the log calls this scan.</summary>
    protected abstract string Name { get; }

    public abstract Task ScanAsync(CancellationToken cancellationToken);

    /// <summary>A configured number of seconds (the fallback when unset), at least one.</summary>
    protected static TimeSpan Seconds(int? configured, int fallback) => TimeSpan.FromSeconds(Math.Max(1, configured ?? fallback));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "{Scan} failed; retrying in {Interval}", Name, Interval);
            }
            try { await Task.Delay(Interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
