using Aid.Appraisal.Deadlines;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Identity;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Appraisal.Appraisals;

/// <summary>Sở Tài chính's work queue and statistics.</summary>
public static class AppraisalQueue
{
    /// <summary>Open appraisals; each at its nearest running deadline (the opinions stage while opinions are awaited).</summary>
    public static async Task<Ok<IReadOnlyList<QueueEntry>>> Handle(
        IQuerySession session, TimeProvider time, DeadlinePlanner planner, CancellationToken cancellationToken)
    {
        var open = await session.Query<DossierAppraisal>()
            .Where(a => a.Status == AppraisalStatus.Appraising).ToListAsync(cancellationToken);
        return TypedResults.Ok(WorkQueue.Of(open.Select(a =>
                a.OpinionsStage is { IsRunning: true } opinions && opinions.DueDate < a.AppraisalStage!.DueDate
                    ? (a, Stage.Opinions, opinions)
                    : (a, Stage.Appraisal, a.AppraisalStage!)),
            time.VietnamToday(), planner.Calendar));
    }

    public static async Task<Ok<StageStatistics>> Statistics(
        string? from, string? to, IQuerySession session, TimeProvider time, DeadlinePlanner planner, CancellationToken cancellationToken)
    {
        var period = StageStatistics.Period(from, to);
        var appraisals = await session.Query<DossierAppraisal>()
            .Where(a => a.Status != AppraisalStatus.Pending).ToListAsync(cancellationToken);
        return TypedResults.Ok(StageStatistics.Compute(Agencies.Finance.Code, Stage.Appraisal,
            appraisals.Where(a => a.AppraisalStage is not null)
                .Select(a => (a.AppraisalStage!, a.Status == AppraisalStatus.Appraising)),
            period.From, period.To, time.VietnamToday(), planner.Calendar));
    }
}
