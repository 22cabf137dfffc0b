using System.Diagnostics;
using Aid.Benchmark.Measuring;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Aid.Benchmark.Ceilings;

/// <summary>
/// The machine's raw broker ceiling: concurrent publishers with publisher confirms (each publish awaits its
/// confirm, as the services' relay does) into a durable quorum queue, one consumer acknowledging each message;
/// the figure is messages confirmed, delivered and acknowledged per second. The scratch queue is deleted afterwards.
/// </summary>
public static class RabbitMqCeiling
{
    public static async Task<CeilingResult> MeasureAsync(string amqpUri, int publishers, TimeSpan duration)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "aid-bench-ceiling" };
        await using var connection = await factory.CreateConnectionAsync();
        var queue = "aid-bench-ceiling-" + Guid.NewGuid().ToString("N")[..8];
        await using var consumerChannel = await connection.CreateChannelAsync();
        await consumerChannel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        long consumed = 0;
        try
        {
            await consumerChannel.BasicQosAsync(0, 200, false);
            var consumer = new AsyncEventingBasicConsumer(consumerChannel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                Interlocked.Increment(ref consumed);
            };
            await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);

            var latencies = new Samples();
            var body = new byte[400];
            var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
            using var stop = new CancellationTokenSource(duration);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, publishers).Select(_ => Task.Run(async () =>
            {
                await using var channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
                while (!stop.IsCancellationRequested)
                {
                    var started = Stopwatch.GetTimestamp();
                    await channel.BasicPublishAsync("", queue, mandatory: false, properties, body);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            })));
            var published = latencies.Count;
            var drained = Stopwatch.StartNew();
            while (Interlocked.Read(ref consumed) < published && drained.Elapsed < TimeSpan.FromSeconds(30))
                await Task.Delay(10);
            return new CeilingResult(Interlocked.Read(ref consumed) / clock.Elapsed.TotalSeconds, latencies.Summarise());
        }
        finally
        {
            await consumerChannel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
        }
    }
}
