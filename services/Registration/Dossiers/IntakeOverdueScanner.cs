using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Scanning;
using Marten;

namespace Aid.Registration.Dossiers;

/// <summary>
/// Flags intake checks as they pass their due date (once per dossier), every Overdue:ScanSeconds seconds.
/// A dossier waiting for the NGO's supplement is not overdue: its clock is stopped.
/// </summary>
public sealed class IntakeOverdueScanner(
    IDocumentStore store, TimeProvider time, IConfiguration configuration, ILogger<IntakeOverdueScanner> logger) : PeriodicScan(logger)
{
    protected override TimeSpan Interval { get; } = Seconds(configuration.GetValue<int?>("Overdue:ScanSeconds"), 60);

    protected override string Name => "Overdue scan of intake checks";

    public override async Task ScanAsync(CancellationToken ct)
    {
        var today = time.VietnamToday();
        await using var query = store.QuerySession();
        var candidates = (await query.Query<Dossier>().Where(d => d.Stage == DossierStage.IntakeCheck).ToListAsync(ct))
            .Where(d => d.Intake is { OverdueFlagged: false } clock && clock.DueDate < today)
            .Select(d => d.Id).ToList();
        foreach (var id in candidates)
        {
            await using var session = store.LightweightSession();
            session.ActingAsSystem(RegistrationService.Agency);
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
