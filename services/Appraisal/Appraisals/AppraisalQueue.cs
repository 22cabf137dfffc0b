using Aid.Appraisal.Deadlines;
using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Desks;
using Aid.Domain.Province;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Appraisals;

/// <summary>Sở Tài chính's work queue and statistics.</summary>
public static class AppraisalQueue
{
    public static readonly IReadOnlyList<WorkStage> Stages = [WorkStage.Opinions, WorkStage.Appraisal];

    /// <summary>Open appraisals; each at its nearest running deadline (the opinions stage while opinions are awaited).</summary>
    public static async Task<Ok<QueuePage<WorkItem>>> Handle([AsParameters] QueueParameters parameters,
        IQuerySession session, TimeProvider time, DeadlinePlanner planner, CancellationToken cancellationToken) =>
        TypedResults.Ok(await WorkQueue.PageAsync(session.Query<DossierAppraisal>().Where(a => a.Status == AppraisalStatus.Appraising),
            parameters, Stages, time.VietnamToday(), planner.Calendar, cancellationToken));

    public static async Task<Ok<StageStatistics>> Statistics(
        string? from, string? to, IQuerySession session, TimeProvider time, DeadlinePlanner planner, CancellationToken cancellationToken)
    {
        var period = StagePeriod.Read(from, to);
        var appraisals = await session.Query<DossierAppraisal>()
            .Where(a => a.Status != AppraisalStatus.Pending).ToListAsync(cancellationToken);
        return TypedResults.Ok(StagePeriod.Compute(Agencies.Finance.Code, WorkStage.Appraisal,
            appraisals.Where(a => a.AppraisalStage is not null)
                .Select(a => (a.AppraisalStage!, a.Status == AppraisalStatus.Appraising)),
            period.From, period.To, time.VietnamToday(), planner.Calendar));
    }
}
