using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Dossiers;

public enum DeadlineFlag { OnTime, NearlyDue, Overdue }

public sealed record QueueItem(
    Guid DossierId, string ReceiptCode, string NgoName, string Title, string AidKind, DateOnly ReceiptDate,
    DateOnly DueDate, int WorkingDaysLeft, DeadlineFlag Flag)
{
    /// <summary>Overdue: the overdue scan prompts Sở Ngoại vụ to issue an apology slip with a new date.</summary>
    public bool ApologyDue => Flag == DeadlineFlag.Overdue;
}

public sealed record InProgressCount(int OnTime, int NearlyDue, int Overdue, int WaitingForSupplement, int Total);

public sealed record CompletedCount(int OnTime, int Late, int Total);

public sealed record IntakeStatistics(
    HoldingAgency Agency, DateOnly From, DateOnly To, int Received, InProgressCount InProgress, CompletedCount Completed,
    int Withdrawn, double? OnTimeRate);

/// <summary>The intake stage's work queue and statistics (Sở Ngoại vụ).</summary>
public static class IntakeQueue
{
    public const int NearlyDueWorkingDays = 2;

    public static DeadlineFlag FlagFor(int workingDaysLeft) =>
        workingDaysLeft < 0 ? DeadlineFlag.Overdue : workingDaysLeft <= NearlyDueWorkingDays ? DeadlineFlag.NearlyDue : DeadlineFlag.OnTime;

    public static async Task<IResult> Queue(IQuerySession session, TimeProvider time, WorkingCalendar calendar, CancellationToken ct)
    {
        var today = time.VietnamToday();
        var waiting = await session.Query<Dossier>().Where(d => d.Stage == DossierStage.IntakeCheck).ToListAsync(ct);
        return Results.Ok(waiting
            .Where(d => d.Intake is not null && d.Content is not null)
            .Select(d =>
            {
                var left = calendar.WorkingDaysBetween(today, d.Intake!.DueDate);
                return new QueueItem(d.Id, d.ReceiptCode, d.NgoName, d.Content!.Title, d.Content.Kind.ToString(),
                    d.ReceiptDate, d.Intake.DueDate, left, FlagFor(left));
            })
            .OrderBy(q => q.DueDate).ThenBy(q => q.ReceiptCode)
            .ToList());
    }

    public static async Task<IResult> Statistics(
        string? from, string? to, IQuerySession session, TimeProvider time, WorkingCalendar calendar, CancellationToken ct)
    {
        var check = new InputCheck();
        var first = check.Date("from", from) ?? default;
        var last = check.Date("to", to) ?? default;
        if (!check.HasErrors && last < first)
            check.Fail("to", "Ngày kết thúc không được trước ngày bắt đầu.", "'to' must not be before 'from'.");
        check.ThrowIfInvalid();

        var today = time.VietnamToday();
        // A province receives a few hundred dossiers a year: the period is filtered in memory.
        var all = await session.Query<Dossier>().ToListAsync(ct);
        var received = all.Where(d => d.Intake is not null && d.ReceiptDate >= first && d.ReceiptDate <= last).ToList();
        var open = received.Where(d => d.Intake!.EndedOn is null).ToList();
        var flags = open.Where(d => d.Stage == DossierStage.IntakeCheck)
            .Select(d => FlagFor(calendar.WorkingDaysBetween(today, d.Intake!.DueDate))).ToList();
        var completed = received.Where(d => d.Intake!.OnTime is not null).ToList();
        var onTime = completed.Count(d => d.Intake!.OnTime == true);
        var agency = Agencies.ForeignAffairs;
        return Results.Ok(new IntakeStatistics(
            new HoldingAgency(agency.Code, agency.NameVi, agency.NameEn), first, last, received.Count,
            new InProgressCount(flags.Count(f => f == DeadlineFlag.OnTime), flags.Count(f => f == DeadlineFlag.NearlyDue),
                flags.Count(f => f == DeadlineFlag.Overdue), open.Count(d => d.Stage == DossierStage.SupplementRequested), open.Count),
            new CompletedCount(onTime, completed.Count - onTime, completed.Count),
            received.Count(d => d.Stage == DossierStage.Withdrawn && d.Intake!.OnTime is null),
            completed.Count == 0 ? null : Math.Round((double)onTime / completed.Count, 4)));
    }
}
