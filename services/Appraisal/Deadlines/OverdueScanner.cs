using Aid.Appraisal.Appraisals;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.ServiceDefaults.Scanning;
using Marten;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Deadlines;

/// <summary>Every Overdue:ScanSeconds (default 60), flags the stages that became overdue since the last scan.</summary>
public sealed class OverdueScanner(IDocumentStore store, TimeProvider time, IConfiguration configuration, ILogger<OverdueScanner> logger) : PeriodicScan(logger)
{
    protected override TimeSpan Interval { get; } = Seconds(configuration.GetValue<int?>("Overdue:ScanSeconds"), 60);

    protected override string Name => "Overdue scan of appraisals and decisions";

    public override async Task ScanAsync(CancellationToken cancellationToken)
    {
        var today = time.VietnamToday();
        IReadOnlyList<DossierAppraisal> running;
        await using (var query = store.QuerySession())
            running = await query.Query<DossierAppraisal>()
                .Where(a => a.Status == AppraisalStatus.Appraising || a.Status == AppraisalStatus.AwaitingDecision)
                .ToListAsync(cancellationToken);

        foreach (var appraisal in running)
        {
            if (FlagOverdueStages.Decide(appraisal, today).Count == 0)
                continue;
            await using var session = store.LightweightSession();
            session.ActingAsSystem(appraisal.Status == AppraisalStatus.AwaitingDecision ? Agencies.PeoplesCommittee.Code : Agencies.Finance.Code);
            try
            {
                // Decided again on the current state: a command appended meanwhile wins, the next scan looks again.
                var stream = await session.Events.FetchForWriting<DossierAppraisal>(appraisal.Id, cancellationToken);
                var events = FlagOverdueStages.Decide(stream.Aggregate!, today);
                if (events.Count == 0) continue;
                stream.AppendMany(events);
                await session.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Dossier {ReceiptCode}: {Count} stage(s) became overdue", appraisal.ReceiptCode, events.Count);
            }
            catch (Exception e) when (e is JasperFx.ConcurrencyException or Marten.Exceptions.ConcurrentUpdateException)
            {
                logger.LogDebug("Dossier {ReceiptCode} changed during the overdue scan", appraisal.ReceiptCode);
            }
        }
    }
}
