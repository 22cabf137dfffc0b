using System.Security.Cryptography;
using System.Text;
using Aid.Domain.Calendar;

namespace Aid.Monitoring.Reporting;

/// <summary>Sở Ngoại vụ reminded a contributing agency to send its part of a province report.</summary>
public sealed record ReportReminderSent(string ReportKey, string Agency, DateOnly DueDate, DateOnly SentOn);

/// <summary>The reminders sent for one report (stream id derived from the report's key).</summary>
public sealed record ReportReminders(Guid Id, string ReportKey, IReadOnlyList<ReportReminderSent> Sent)
{
    public static ReportReminders Create(ReportReminderSent e) => new(StreamId(e.ReportKey), e.ReportKey, [e]);

    public ReportReminders Apply(ReportReminderSent e) => this with { Sent = [.. Sent, e] };

    public static Guid StreamId(string reportKey) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes("province-report-reminders:" + reportKey)));

    /// <summary>From <paramref name="workingDays"/> working days before the due date until the due date, each
    /// contributing agency not yet reminded for this report gets one reminder.</summary>
    public static IReadOnlyList<ReportReminderSent> Decide(
        ReportPeriod period, ReportReminders? sent, IReadOnlyList<string> agencies, int workingDays, DateOnly today, WorkingCalendar calendar)
    {
        if (today > period.DueDate || today < RemindFrom(period.DueDate, workingDays, calendar))
            return [];
        var already = sent?.Sent.Select(s => s.Agency).ToHashSet() ?? [];
        return agencies.Distinct().Where(a => !already.Contains(a))
            .Select(a => new ReportReminderSent(period.Key, a, period.DueDate, today)).ToList();
    }

    /// <summary>The working day that lies <paramref name="workingDays"/> working days before the due date.</summary>
    public static DateOnly RemindFrom(DateOnly due, int workingDays, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(due, -workingDays);
}
