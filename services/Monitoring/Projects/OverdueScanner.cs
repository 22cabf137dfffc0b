using Aid.Contracts.Monitoring;
using Aid.ServiceDefaults;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Scanning;
using Marten;

namespace Aid.Monitoring.Projects;

/// <summary>
/// Every Overdue:ScanSeconds (default 60), flags what became overdue. Several instances may scan at once: the
/// flags are appended with optimistic concurrency, so a project is flagged once; the loser retries next scan.
/// </summary>
public sealed class OverdueScanner(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<OverdueScanner> logger) : PeriodicScan(logger)
{
    protected override TimeSpan Interval { get; } = Seconds(configuration.GetValue<int?>("Overdue:ScanSeconds"), 60);

    protected override string Name => "Overdue scan of monitored projects";

    public override async Task ScanAsync(CancellationToken cancellationToken)
    {
        var today = clock.VietnamToday();
        IReadOnlyList<MonitoredProject> open;
        await using (var query = store.QuerySession())
            open = await query.Query<MonitoredProject>().Where(p => p.Status != MonitoringStatus.Closed).ToListAsync(cancellationToken);

        foreach (var project in open.Where(p => OverdueDetection.HasSomethingToFlag(p, today)))
        {
            await using var session = store.LightweightSession();
            session.ActingAsSystem(MonitoringService.Agency);
            session.CorrelationId = $"overdue-scan-{today:yyyyMMdd}";
            try
            {
                await session.DecideAsync<MonitoredProject>(project.Id, null, state => OverdueDetection.Decide(state, today), cancellationToken);
            }
            catch (Exception e) when (e is JasperFx.ConcurrencyException or Marten.Exceptions.ConcurrentUpdateException)
            {
                logger.LogInformation("Project {ProjectId} changed while flagging; next scan will look again", project.Id);
            }
        }
    }
}
