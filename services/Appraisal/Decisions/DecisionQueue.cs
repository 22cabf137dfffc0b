using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Deadlines;
using Aid.Contracts.Desks;
using Aid.ServiceDefaults.Desks;
using Aid.Domain.Calendar;
using Aid.Domain.Province;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Decisions;

public sealed record ForwardedEntry(Guid DossierId, string ReceiptCode, string? Title, string? NgoName, DateOnly ForwardedOn, string? Grounds);

/// <summary>UBND tỉnh's work queue (reports waiting for a decision) and statistics.</summary>
public static class DecisionQueue
{
    public static readonly IReadOnlyList<WorkStage> Stages = [WorkStage.Decision];

    public static async Task<Ok<QueuePage<WorkItem>>> Handle([AsParameters] QueueParameters parameters,
        IQuerySession session, TimeProvider time, DeadlinePlanner planner, CancellationToken cancellationToken) =>
        TypedResults.Ok(await WorkQueue.PageAsync(session.Query<DossierAppraisal>().Where(a => a.Status == AppraisalStatus.AwaitingDecision),
            parameters, Stages, time.VietnamToday(), planner.Calendar, cancellationToken));

    /// <summary>Forwarded dossiers whose Prime Minister's decision is not recorded yet, oldest first (no provincial deadline runs).</summary>
    public static async Task<Ok<IReadOnlyList<ForwardedEntry>>> Forwarded(IQuerySession session, CancellationToken cancellationToken)
    {
        var forwarded = await session.Query<DossierAppraisal>()
            .Where(a => a.Status == AppraisalStatus.Decided && a.ForwardedOn != null).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ForwardedEntry>>(forwarded.Where(a => a.AwaitsPrimeMinister)
            .OrderBy(a => a.ForwardedOn).ThenBy(a => a.ReceiptCode)
            .Select(a => new ForwardedEntry(a.Id, a.ReceiptCode, a.Summary?.Title, a.Summary?.NgoName, a.ForwardedOn!.Value, a.Decision!.Reasons))
            .ToList());
    }

    public static async Task<Ok<StageStatistics>> Statistics(
        string? from, string? to, IQuerySession session, TimeProvider time, DeadlinePlanner planner, CancellationToken cancellationToken)
    {
        var period = StagePeriod.Read(from, to);
        var reported = await session.Query<DossierAppraisal>()
            .Where(a => a.Status == AppraisalStatus.AwaitingDecision || a.Status == AppraisalStatus.Decided
                || a.Status == AppraisalStatus.Withdrawn).ToListAsync(cancellationToken);
        // A forwarded dossier's decision stage ended at forwarding: the Prime Minister's time is counted apart.
        return TypedResults.Ok(StagePeriod.Compute(Agencies.PeoplesCommittee.Code, WorkStage.Decision,
            reported.Where(a => a.DecisionStage is not null)
                .Select(a => (a.DecisionStage!, a.Status == AppraisalStatus.AwaitingDecision)),
            period.From, period.To, time.VietnamToday(), planner.Calendar) with
        {
            PrimeMinister = PrimeMinisterTime.Compute(reported.Where(a => a.ForwardedOn is not null)
                .Select(a => (a.ForwardedOn!.Value, a.PrimeMinisterDecidedOn)), period.From, period.To, planner.Calendar),
        });
    }
}
