using Aid.Contracts.Monitoring;
using Aid.Monitoring.Projects;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Scanning;
using Marten;
using Microsoft.Extensions.Options;

namespace Aid.Monitoring.Reporting;

/// <summary>
/// Every Reporting:ReminderScanSeconds, appends the reminders due for this year's annual and six-monthly reports.
/// Several instances may scan at once: the first reminder starts the stream and later ones append with optimistic
/// concurrency, so an agency is reminded once per report; the loser finds it done at the next scan.
/// </summary>
public sealed class ReminderScanner(
    IDocumentStore store, TimeProvider clock, IOptions<ReportingOptions> options, WorkingCalendar calendar, ILogger<ReminderScanner> logger) : PeriodicScan(logger)
{
    protected override TimeSpan Interval { get; } = Seconds(options.Value.ReminderScanSeconds, 60);

    protected override string Name => "Report reminder scan";

    public override async Task ScanAsync(CancellationToken cancellationToken)
    {
        var today = clock.VietnamToday();
        var settings = options.Value;
        var preset = settings.Effective();
        foreach (var kind in Enum.GetValues<ProvinceReportKind>())
        {
            var period = ReportPeriod.For(kind, today.Year, preset);
            var id = ReportReminders.StreamId(period.Key);
            await using var session = store.LightweightSession();
            session.ActingAsSystem(MonitoringService.Agency);
            session.CorrelationId = $"report-reminders-{today:yyyyMMdd}";
            var stream = await session.Events.FetchForWriting<ReportReminders>(id, cancellationToken);
            var due = ReportReminders.Decide(period, stream.Aggregate, settings.Contributors, settings.ReminderWorkingDays, today, calendar);
            if (due.Count == 0) continue;
            stream.AppendMany(due);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                foreach (var reminder in due)
                    logger.LogInformation("Reminded {Agency} of province report {Report} due {Due}", reminder.Agency, reminder.ReportKey, reminder.DueDate);
            }
            catch (Exception e) when (e is JasperFx.ConcurrencyException or Marten.Exceptions.ConcurrentUpdateException
                                          or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException)
            {
                logger.LogInformation("Reminders of {Report} sent by another instance; next scan will look again", period.Key);
            }
        }
    }
}
