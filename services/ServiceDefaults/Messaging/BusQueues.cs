using System.Collections.Concurrent;

namespace Aid.ServiceDefaults.Messaging;

/// <summary>The receive queues of this service's bus (filled as MassTransit configures them) and its broker address.</summary>
public sealed class BusQueues(string serviceName, Uri broker)
{
    public const string ErrorSuffix = "_error";
    public const string SkippedSuffix = "_skipped";

    private readonly ConcurrentDictionary<string, bool> queues = new();

    public string ServiceName { get; } = serviceName;
    public Uri Broker { get; } = broker;

    public IReadOnlyList<string> Receive => queues.Keys.Order().ToList();

    /// <summary>Every _error and _skipped queue of this service's receive queues.</summary>
    public IReadOnlyList<string> DeadLetter => Receive.SelectMany(q => new[] { q + ErrorSuffix, q + SkippedSuffix }).ToList();

    internal void Add(string queue) => queues.TryAdd(queue, true);

    /// <summary>The receive queue a dead-letter queue belongs to, when it is one of this service's.</summary>
    public string? OriginOf(string deadLetterQueue) => DeadLetter.Contains(deadLetterQueue)
        ? deadLetterQueue[..deadLetterQueue.LastIndexOf('_')]
        : null;
}
