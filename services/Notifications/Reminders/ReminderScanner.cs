using Aid.Notifications.Dossiers;
using Aid.Notifications.Notices;
using Aid.Notifications.Recipients;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Scanning;
using Marten;
using Microsoft.Extensions.Options;

namespace Aid.Notifications.Reminders;

/// <summary>
/// Every Notifications:ScanSeconds, tells the agencies of stages nearly due (at most NearlyDueWorkingDays working days
/// left) and overdue, the NGOs of reports due within ReportReminderWorkingDays working days and overdue, and of
/// certificates expiring within 60 and within 30 days. Each reminder's source names what it is about and the date, so
/// a repeated scan (or a second instance) adds nothing; a moved due date is a new reminder.
/// </summary>
public sealed class ReminderScanner(
    IDocumentStore store, Notifier notifier, WorkingCalendar calendar, IOptions<NotificationOptions> options, TimeProvider clock,
    ILogger<ReminderScanner> logger) : PeriodicScan(logger)
{
    protected override TimeSpan Interval { get; } = Seconds(options.Value.ScanSeconds, 60);

    protected override string Name => "Notification reminder scan";

    public override async Task ScanAsync(CancellationToken cancellationToken)
    {
        var today = clock.VietnamToday();
        var settings = options.Value;
        await using var query = store.QuerySession();
        var files = await query.Query<DossierFile>().Where(f => !f.Ended || f.Reports.Any(r => !r.Filed)).ToListAsync(cancellationToken);
        foreach (var file in files)
        {
            foreach (var (stageKey, due) in file.Running)
            {
                var stage = StageName.Of(stageKey);
                var left = calendar.WorkingDaysBetween(today, due);
                if (today > due)
                    await Remind($"overdue:{file.Id:N}:{stage.Key}:{due:yyyyMMdd}", Audience.Agency(stage.Agency.Code), NoticeKind.StageOverdue,
                        file.Id, NoticeTexts.Overdue(file.Id, file.ReceiptCode, stage.Vi, stage.En, due), cancellationToken);
                else if (left <= settings.NearlyDueWorkingDays)
                    await Remind($"nearly-due:{file.Id:N}:{stage.Key}:{due:yyyyMMdd}", Audience.Agency(stage.Agency.Code), NoticeKind.StageNearlyDue,
                        file.Id, NoticeTexts.NearlyDue(file.Id, file.ReceiptCode, stage.Vi, stage.En, due, left), cancellationToken);
            }
            if (file.NgoId is not { } ngo)
                continue;
            foreach (var report in file.Reports.Where(r => !r.Filed))
            {
                if (today > report.DueDate)
                    await Remind($"report-overdue:{file.Id:N}:{report.Key}:{report.DueDate:yyyyMMdd}", Audience.Ngo(ngo), NoticeKind.ReportOverdue,
                        file.Id, NoticeTexts.ReportOverdue(file.Id, file.ReceiptCode, report.Key, report.DueDate), cancellationToken);
                else if (calendar.WorkingDaysBetween(today, report.DueDate) <= settings.ReportReminderWorkingDays)
                    await Remind($"report-due:{file.Id:N}:{report.Key}:{report.DueDate:yyyyMMdd}", Audience.Ngo(ngo), NoticeKind.ReportDue,
                        file.Id, NoticeTexts.ReportDue(file.Id, file.ReceiptCode, report.Key, report.DueDate), cancellationToken);
            }
        }

        var expiring = await query.Query<NgoContact>()
            .Where(n => n.Active && n.CertificateExpiryDate >= today && n.CertificateExpiryDate <= today.AddDays(60)).ToListAsync(cancellationToken);
        foreach (var ngo in expiring)
        {
            var days = ngo.CertificateExpiryDate.DayNumber - today.DayNumber;
            var threshold = days <= 30 ? 30 : 60;
            await Remind($"certificate-{threshold}:{ngo.Id:N}:{ngo.CertificateExpiryDate:yyyyMMdd}", Audience.Ngo(ngo.Id), NoticeKind.CertificateExpiring,
                null, NoticeTexts.CertificateExpiring(ngo.CertificateNumber, ngo.CertificateExpiryDate, days), cancellationToken);
        }
    }

    private async Task Remind(string source, Audience audience, NoticeKind kind, Guid? dossierId, NoticeText text, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (!await notifier.NotifyAsync(session, source, audience, kind, dossierId, text, ct))
            return;
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is JasperFx.ConcurrencyException or Marten.Exceptions.ConcurrentUpdateException or JasperFx.DocumentAlreadyExistsException)
        {
            // Another instance's scan wrote it first.
        }
    }
}
