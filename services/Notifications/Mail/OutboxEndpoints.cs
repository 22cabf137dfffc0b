using Aid.Notifications.Notices;
using Aid.ServiceDefaults;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aid.Notifications.Mail;

/// <summary>What operators see of the outbox: counts, the oldest waiting, and the deliveries that failed at least once.</summary>
public sealed record OutboxStatus(int Pending, int Retrying, int Sent, DateTimeOffset? OldestPendingSince, IReadOnlyList<FailingDelivery> Failing);

public sealed record FailingDelivery(string Id, string Channel, string Address, NoticeKind Kind, int Attempts, string? LastError, DateTimeOffset NextAttemptAt);

public static class OutboxEndpoints
{
    public static async Task<OutboxStatus> StatusAsync(IQuerySession session, CancellationToken ct)
    {
        var pending = await session.Query<Delivery>().CountAsync(d => d.State == DeliveryState.Pending, ct);
        var sent = await session.Query<Delivery>().CountAsync(d => d.State == DeliveryState.Sent, ct);
        var failing = await session.Query<Delivery>().Where(d => d.State == DeliveryState.Pending && d.Attempts > 0)
            .OrderBy(d => d.CreatedAt).Take(100).ToListAsync(ct);
        var oldest = await session.Query<Delivery>().Where(d => d.State == DeliveryState.Pending)
            .OrderBy(d => d.CreatedAt).Take(1).ToListAsync(ct);
        return new OutboxStatus(pending, failing.Count, sent, oldest.FirstOrDefault()?.CreatedAt,
            failing.Select(d => new FailingDelivery(d.Id, d.Channel, d.Address, d.Kind, d.Attempts, d.LastError, d.NextAttemptAt)).ToList());
    }

    public static WebApplication MapOutbox(this WebApplication app)
    {
        app.MapGet("/notifications/outbox", (IQuerySession session, CancellationToken ct) => StatusAsync(session, ct))
            .RequireAuthorization(OutboxAccess.Read);
        return app;
    }
}

/// <summary>
/// The outbox in the health JSON: Degraded (still 200: the service works, mail is late) while a delivery is being
/// retried, with the counts in the description.
/// </summary>
public sealed class OutboxHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        var status = await OutboxEndpoints.StatusAsync(session, cancellationToken);
        var description = $"{status.Pending} pending, {status.Retrying} retrying after a failure, {status.Sent} sent";
        return status.Retrying > 0 ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
    }
}
