using Aid.Notifications.Notices;
using Marten;
using Microsoft.Extensions.Options;

namespace Aid.Notifications.Mail;

/// <summary>
/// Sends the outbox: every <see cref="MailOptions.PollMilliseconds"/> it claims due deliveries (optimistic concurrency:
/// of several instances one wins each), sends each on its channel and marks it sent. A failure is logged with the
/// count still waiting, and the delivery is tried again after the next back-off interval, for ever: a failing SMTP
/// server delays mail, never loses it. A sender killed mid-send leaves its claim to expire after
/// <see cref="MailOptions.ClaimSeconds"/>; the delivery is then sent again, under the same Message-Id. So delivery is
/// at least once: a kill between the server's acceptance and the mark sends the same message twice.
/// </summary>
public sealed class DeliverySender(
    IDocumentStore store, IEnumerable<INotificationChannel> channels, IOptions<MailOptions> options, TimeProvider clock,
    ILogger<DeliverySender> logger) : BackgroundService
{
    private readonly Dictionary<string, INotificationChannel> byName = channels.ToDictionary(c => c.Name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0) { }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Notification sender failed; trying again");
            }
            try { await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(50, options.Value.PollMilliseconds)), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Claims and sends one batch of due deliveries; the number claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        foreach (var delivery in claimed)
            await SendAsync(delivery, cancellationToken);
        return claimed.Count;
    }

    private async Task<IReadOnlyList<Delivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        await using var query = store.QuerySession();
        var due = await query.Query<Delivery>()
            .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Take(settings.BatchSize).ToListAsync(cancellationToken);
        var claimed = new List<Delivery>();
        foreach (var candidate in due)
        {
            await using var session = store.LightweightSession();
            var delivery = await session.LoadAsync<Delivery>(candidate.Id, cancellationToken);
            if (delivery is null || delivery.State != DeliveryState.Pending || delivery.ClaimedUntil >= now)
                continue;
            delivery.ClaimedUntil = now.AddSeconds(settings.ClaimSeconds);
            session.Store(delivery);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                claimed.Add(delivery);
            }
            catch (Exception e) when (e is JasperFx.ConcurrencyException or Marten.Exceptions.ConcurrentUpdateException or JasperFx.DocumentAlreadyExistsException)
            {
                // Another sender claimed it first.
            }
        }
        return claimed;
    }

    private async Task SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            if (!byName.TryGetValue(delivery.Channel, out var channel))
                throw new InvalidOperationException($"No channel '{delivery.Channel}' is configured.");
            await channel.SendAsync(delivery, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            failure = e;
        }

        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        // Loaded again in this session, so the optimistic-concurrency check compares with the claim just written.
        delivery = await session.LoadAsync<Delivery>(delivery.Id, cancellationToken) ?? delivery;
        if (failure is null)
        {
            delivery.State = DeliveryState.Sent;
            delivery.SentAt = now;
            delivery.Attempts++;
            delivery.ClaimedUntil = null;
            delivery.LastError = null;
        }
        else
        {
            var retry = options.Value.RetrySeconds is { Length: > 0 } intervals ? intervals : [60];
            delivery.Attempts++;
            delivery.ClaimedUntil = null;
            delivery.LastError = failure.Message;
            delivery.NextAttemptAt = now.AddSeconds(retry[Math.Min(delivery.Attempts, retry.Length) - 1]);
        }
        session.Store(delivery);
        await session.SaveChangesAsync(cancellationToken);
        if (failure is null)
            logger.LogInformation("Sent {Kind} notification {MessageId} by {Channel}", delivery.Kind, delivery.MessageId, delivery.Channel);
        else
        {
            var waiting = await session.Query<Delivery>().CountAsync(d => d.State == DeliveryState.Pending, cancellationToken);
            logger.LogWarning("Could not send {Kind} notification {MessageId} by {Channel} (attempt {Attempt}): {Error}; " +
                "next attempt at {NextAttempt}; {Waiting} deliveries waiting",
                delivery.Kind, delivery.MessageId, delivery.Channel, delivery.Attempts, failure.Message, delivery.NextAttemptAt, waiting);
        }
    }
}
