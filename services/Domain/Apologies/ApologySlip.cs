using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.Domain.Province;
using Aid.Domain.Rules;

namespace Aid.Domain.Apologies;

/// <summary>What the officer sends: the reason and how many working days, counted from today, the new date lies ahead.</summary>
public sealed record IssueApologyRequest(string? Reason, int? ExtraWorkingDays);

/// <summary>
/// The pure rule every stage shares: an apology only once the stage is past its (current) due date, with a reason;
/// the new due date is <see cref="ExtraWorkingDays"/> working days after the day it is issued. Another one may follow
/// for the same stage once that new date has passed too.
/// </summary>
public sealed record IssueApology(string Reason, int ExtraWorkingDays, string SignedBy, DateOnly Today, DateTimeOffset Now)
{
    public const int MaxExtraWorkingDays = 30;

    public static IssueApology From(IssueApologyRequest? request, Actor actor, TimeProvider clock)
    {
        var check = new InputCheck();
        var reason = check.Paragraphs("reason", request?.Reason);
        var days = check.Required("extraWorkingDays", request?.ExtraWorkingDays);
        if (request?.ExtraWorkingDays is not null)
            check.Rule(days is >= 1 and <= MaxExtraWorkingDays, "extraWorkingDays",
                $"Số ngày làm việc hẹn thêm từ 1 đến {MaxExtraWorkingDays}.",
                $"The extra working days must be from 1 to {MaxExtraWorkingDays}.");
        check.ThrowIfInvalid();
        var now = clock.GetUtcNow();
        return new IssueApology(reason, days, actor.Name, now.VietnamDate(), now);
    }

    /// <summary>The slip for a stage whose current due date is <paramref name="dueDate"/>; refused (409) before it has passed.</summary>
    public ApologySlip SlipFor(DateOnly dueDate, WorkingCalendar calendar)
    {
        if (Today <= dueDate)
            throw NotOverdue(dueDate);
        return new ApologySlip(dueDate, calendar.AddWorkingDays(Today, ExtraWorkingDays), ExtraWorkingDays, Reason, SignedBy, Today, Now);
    }

    public static RuleViolation NotOverdue(DateOnly dueDate) => new("not-overdue", new Bilingual(
        $"Chưa quá hạn ({dueDate:dd/MM/yyyy}): chỉ gửi phiếu xin lỗi và hẹn lại ngày trả kết quả khi đã quá hạn.",
        $"Not overdue (due {dueDate:yyyy-MM-dd}): an apology slip is issued only once the due date has passed."));

    /// <summary>How many working days a slip moved the date: the NGO's appointment date moves by as many.</summary>
    public static int WorkingDaysMoved(DateOnly formerDueDate, DateOnly newDueDate, WorkingCalendar calendar) =>
        Math.Max(0, calendar.WorkingDaysBetween(formerDueDate, newDueDate));
}
