using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Calendar;
using Marten;

namespace Aid.Registration.Dossiers;

/// <summary>
/// Flags intake checks as they pass their due date (once per dossier), every Overdue:ScanSeconds seconds.
/// A dossier waiting for the NGO's supplement is not overdue: its clock is stopped.
/// </summary>
public sealed class IntakeOverdueScanner(
    IDocumentStore store, TimeProvider time, IConfiguration configuration, ILogger<IntakeOverdueScanner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue<int?>("Overdue:ScanSeconds") ?? 60));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try { await ScanAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogWarning(e, "Overdue scan failed; retrying at the next interval"); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task ScanAsync(CancellationToken ct)
    {
        var today = time.VietnamToday();
        await using var query = store.QuerySession();
        var candidates = (await query.Query<Dossier>().Where(d => d.Stage == DossierStage.IntakeCheck).ToListAsync(ct))
            .Where(d => d.Intake is { OverdueFlagged: false } clock && clock.DueDate < today)
            .Select(d => d.Id).ToList();
        foreach (var id in candidates)
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = "system";
            session.SetHeader(EventHeaders.Agency, RegistrationService.Agency);
            var stream = await session.Events.FetchForWriting<Dossier>(id, ct);
            if (stream.Aggregate is not { Stage: DossierStage.IntakeCheck, Intake: { OverdueFlagged: false } intake } || intake.DueDate >= today)
                continue;
            stream.AppendOne(new StageBecameOverdue(id, Stage.IntakeCheck, intake.DueDate, today));
            try { await session.SaveChangesAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Someone acted on the dossier meanwhile: the next scan looks again.
                logger.LogInformation(e, "Could not flag dossier {DossierId} overdue now", id);
            }
        }
    }
}
