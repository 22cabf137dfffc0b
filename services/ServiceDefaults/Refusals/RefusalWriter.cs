using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aid.ServiceDefaults.Refusals;

/// <summary>
/// Drains the refusal queue every few moments and adds each batch to the per-actor, per-window tallies in the
/// service's Marten store (<see cref="RefusalTallies"/>): one document per actor and window, however many refusals it saw.
/// </summary>
internal sealed class RefusalWriter(
    RefusalRecorder recorder, IDocumentStore store, IOptions<RefusalOptions> options, ILogger<RefusalWriter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var batch = new List<Refusal>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.FlushMilliseconds, stoppingToken);
                while (batch.Count < settings.QueueCapacity && recorder.Queue.TryRead(out var refusal))
                    batch.Add(refusal);
                if (batch.Count > 0)
                    await RefusalTallies.AddAsync(store, batch, settings, logger, stoppingToken);
                batch.Clear();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Kept for the next flush: the database may be back by then.
                logger.LogError(e, "Could not write {Count} refusals; retrying", batch.Count);
            }
        }
    }
}
