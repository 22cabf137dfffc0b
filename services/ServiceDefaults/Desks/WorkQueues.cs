using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Marten;
using Marten.Linq;

namespace Aid.ServiceDefaults.Desks;

/// <summary>Runs a work queue's query in the database: the documents on the asked page and how many match in all.</summary>
public static class WorkQueues
{
    public static async Task<(IReadOnlyList<T> Page, int Total)> PageAsync<T>(
        IQueryable<T> waiting, QueueQuery query, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
        where T : IQueued
    {
        var q = waiting.Where(d => d.QueueDue != null);
        if (query.Search is { } search)
            q = q.Where(d => d.QueueSearch.Contains(search));
        if (query.AidKind is { } kind)
            q = q.Where(d => d.QueueAidKind == kind);
        if (query.Stage is { } stage)
            q = q.Where(d => d.QueueStage == stage);
        if (query.Flag is { } flag)
        {
            var (from, before) = DueDates.Range(flag, today, calendar);
            if (from is { } f) q = q.Where(d => d.QueueDue >= f);
            if (before is { } b) q = q.Where(d => d.QueueDue < b);
        }
        q = query.Sort switch
        {
            QueueSort.Receipt => q.OrderBy(d => d.ReceiptCode),
            QueueSort.Ngo => q.OrderBy(d => d.QueueNgo).ThenBy(d => d.QueueDue).ThenBy(d => d.ReceiptCode),
            _ => q.OrderBy(d => d.QueueDue).ThenBy(d => d.ReceiptCode),
        };
        var page = await q.Stats(out var stats).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return (page, (int)stats.TotalResults);
    }

    /// <summary>A queue line for a listed document, with today's working days left and flag.</summary>
    public static WorkItem Line(IQueued document, Guid id, string? title, DateOnly today, WorkingCalendar calendar, bool apologyDue = true)
    {
        var due = document.QueueDue!.Value;
        var (left, flag) = DueDates.Of(due, today, calendar);
        return new WorkItem(id, document.ReceiptCode, title, document.QueueNgo, document.QueueAidKind, document.QueueStage!.Value,
            due, left, flag, apologyDue && flag == DeadlineFlag.Overdue);
    }
}
