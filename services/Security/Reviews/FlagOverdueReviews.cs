using Aid.Contracts.Security;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Scanning;
using Marten;

namespace Aid.Security.Reviews;

/// <summary>Flags a review overdue once, when the Vietnam-local date has passed its due date.</summary>
public sealed record FlagOverdue(DateOnly Today)
{
    public static IReadOnlyList<object> Decide(FlagOverdue command, SecurityReview review) =>
        review.Status == ReviewStatus.Open && !review.FlaggedOverdue && command.Today > review.DueOn
            ? [new SecurityReviewBecameOverdue(review.Id, review.DueOn, command.Today)]
            : [];
}

/// <summary>Scans the open reviews every Overdue:ScanSeconds (default 60) and flags those that became overdue.</summary>
public sealed class OverdueReviewScanner(
    IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<OverdueReviewScanner> logger) : PeriodicScan(logger)
{
    protected override TimeSpan Interval { get; } = Seconds(configuration.GetValue<int?>("Overdue:ScanSeconds"), 60);

    protected override string Name => "Overdue scan of security reviews";

    public override async Task ScanAsync(CancellationToken ct)
    {
        var today = clock.VietnamToday();
        IReadOnlyList<Guid> late;
        await using (var query = store.QuerySession())
            late = await query.Query<SecurityReview>()
                .Where(r => r.Status == ReviewStatus.Open && !r.FlaggedOverdue && r.DueOn < today)
                .Select(r => r.Id)
                .ToListAsync(ct);

        foreach (var id in late)
        {
            await using var session = store.LightweightSession();
            session.ActingAsSystem(SecurityService.Agency);
            session.CorrelationId = $"overdue-scan-{today:yyyyMMdd}";
            try
            {
                await session.DecideAsync<SecurityReview>(id, null, r => FlagOverdue.Decide(new FlagOverdue(today), r), ct);
            }
            catch (Exception e) when (e is JasperFx.ConcurrencyException or Marten.Exceptions.ConcurrentUpdateException)
            {
                // Another instance or an officer acted at the same time: the next scan sees the new state.
            }
        }
    }
}
