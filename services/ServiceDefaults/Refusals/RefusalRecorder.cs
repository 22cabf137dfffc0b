using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aid.ServiceDefaults.Refusals;

/// <summary>
/// Logs every refused request with its actor and queues it for <see cref="RefusalWriter"/>. The queue is bounded:
/// a flood beyond its capacity is counted and logged, never allowed to grow memory or the database without limit.
/// </summary>
public sealed class RefusalRecorder(IOptions<RefusalOptions> options, TimeProvider time, ILogger<RefusalRecorder> logger)
{
    private readonly Channel<Refusal> queue = Channel.CreateBounded<Refusal>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true,
    });
    private long dropped;

    internal ChannelReader<Refusal> Queue => queue.Reader;

    /// <summary>Refusals not tallied because the queue was full (since start).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public void Record(HttpContext http, string kind)
    {
        var refusal = Refusal.Of(http, kind, time.GetUtcNow());
        logger.LogWarning("Refused {Method} {Path}: {Outcome} for {User} (role {Role}, agency {Agency}, NGO {Ngo}, address {Address})",
            refusal.Method, refusal.Path, kind, refusal.UserId, refusal.Role, refusal.Agency, refusal.NgoId, refusal.RemoteIp);
        if (!queue.Writer.TryWrite(refusal) && Interlocked.Increment(ref dropped) % 1000 == 1)
            logger.LogError("Refusal queue full: {Dropped} refusals logged but not tallied so far", Dropped);
    }
}
