using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Desks;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Registration.Dossiers;

/// <summary>The intake stage's work queue and statistics (Sở Ngoại vụ).</summary>
public static class IntakeQueue
{
    public static readonly IReadOnlyList<WorkStage> Stages = [WorkStage.IntakeCheck];

    public static async Task<Ok<QueuePage<WorkItem>>> Queue([AsParameters] QueueParameters parameters, IQuerySession session,
        TimeProvider time, WorkingCalendar calendar, CancellationToken ct)
    {
        var query = QueueQuery.Read(parameters, Stages);
        var today = time.VietnamToday();
        var (page, total) = await WorkQueues.PageAsync(session.Query<Dossier>().Where(d => d.Stage == DossierStage.IntakeCheck),
            query, today, calendar, ct);
        return TypedResults.Ok(new QueuePage<WorkItem>(
            page.Select(d => WorkQueues.Line(d, d.Id, d.Content!.Title, today, calendar)).ToList(), total, query.Page, query.PageSize));
    }

    public static async Task<Ok<StageStatistics>> Statistics(
        string? from, string? to, IQuerySession session, TimeProvider time, WorkingCalendar calendar, CancellationToken ct)
    {
        var check = new InputCheck();
        var first = check.Date("from", from) ?? default;
        var last = check.Date("to", to) ?? default;
        if (!check.HasErrors && last < first)
            check.Fail("to", "Ngày kết thúc không được trước ngày bắt đầu.", "'to' must not be before 'from'.");
        check.ThrowIfInvalid();

        var today = time.VietnamToday();
        var received = await session.Query<Dossier>()
            .Where(d => d.Intake != null && d.ReceiptDate >= first && d.ReceiptDate <= last).ToListAsync(ct);
        var open = received.Where(d => d.Intake!.EndedOn is null).ToList();
        var flags = open.Where(d => d.Stage == DossierStage.IntakeCheck)
            .Select(d => DueDates.Of(d.Intake!.DueDate, today, calendar).Flag).ToList();
        var completed = received.Where(d => d.Intake!.OnTime is not null).ToList();
        var onTime = completed.Count(d => d.Intake!.OnTime == true);
        return TypedResults.Ok(new StageStatistics(WorkStage.IntakeCheck, Agencies.ForeignAffairs.Code, first, last, received.Count,
            new InProgressCounts(flags.Count(f => f == DeadlineFlag.OnTime), flags.Count(f => f == DeadlineFlag.NearlyDue),
                flags.Count(f => f == DeadlineFlag.Overdue), open.Count(d => d.Stage == DossierStage.SupplementRequested), open.Count),
            new CompletedCounts(onTime, completed.Count - onTime, completed.Count),
            received.Count(d => d.Stage == DossierStage.Withdrawn && d.Intake!.OnTime is null),
            completed.Count == 0 ? null : Math.Round((double)onTime / completed.Count, 4)));
    }
}
