using Aid.Contracts.Appraisal;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Messaging;
using Marten;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Aid.Monitoring.Projects;

/// <summary>
/// Every dossier UBND tỉnh approves becomes a monitored project (stream id = dossier id) with its reporting
/// schedule. Refusals and dossiers forwarded to the Prime Minister are not monitored here. Idempotent: a
/// redelivery changes nothing. UBND tỉnh decides once: a second approval of a monitored dossier is refused.
/// </summary>
public sealed class StartMonitoringWhenDossierApproved(
    IDocumentSession session, WorkingCalendar calendar, IOptions<MonitoringOptions> options, TimeProvider clock)
    : IConsumer<DossierDecided>
{
    public async Task Consume(ConsumeContext<DossierDecided> context)
    {
        var message = context.Message;
        if (message.Outcome != DecisionOutcome.Approved)
            return;
        var started = Start(message, calendar, options.Value, clock.GetUtcNow());
        if (!await session.IsFirstDeliveryAsync(this, message, context.CancellationToken))
            return;
        if (await session.Events.FetchStreamStateAsync(message.DossierId, context.CancellationToken) is not null)
            throw RefusedMessage.Because(message, $"dossier {message.DossierId} is already monitored");

        session.ActingAsSystem(MonitoringService.Agency, message);
        session.Events.StartStream<MonitoredProject>(message.DossierId, started);
        await session.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>
    /// The first event of the project. An approval lacking what monitoring needs is a broken message: it throws,
    /// and after the bus's bounded retries lands in the error queue with the reason.
    /// </summary>
    public static ProjectMonitoringStarted Start(
        DossierDecided message, WorkingCalendar calendar, MonitoringOptions options, DateTimeOffset now)
    {
        var missing = new List<string>();
        if (message.NgoId is null) missing.Add(nameof(message.NgoId));
        if (message.StartDate is null) missing.Add(nameof(message.StartDate));
        if (message.EndDate is null) missing.Add(nameof(message.EndDate));
        if (message.DecisionDate is null) missing.Add(nameof(message.DecisionDate));
        if (string.IsNullOrWhiteSpace(message.DecisionNumber)) missing.Add(nameof(message.DecisionNumber));
        if (missing.Count > 0)
            throw new InvalidMessage($"Approved dossier {message.DossierId} lacks {string.Join(", ", missing)}.");
        if (message.EndDate < message.StartDate)
            throw new InvalidMessage($"Approved dossier {message.DossierId} ends before it starts.");

        var start = message.StartDate!.Value;
        var end = message.EndDate!.Value;
        var decided = message.DecisionDate!.Value;
        return new ProjectMonitoringStarted(message.DossierId, message.ReceiptCode, message.NgoId!.Value,
            message.Title ?? "", message.AmountVnd, start, end, message.DecisionNumber!, decided, message.Signer,
            message.Conditions, ReportingSchedule.Build(start, end, decided, options.FinalReportDays, calendar),
            decided.AddMonths(options.ImplementationDueMonths), now)
        {
            Summary = new ApprovedSummary
            {
                NgoName = message.NgoName, NgoCountry = message.NgoCountry, AidKind = message.AidKind,
                Fields = message.Fields ?? [], Locations = message.Locations ?? [], Amount = message.Amount,
                Currency = message.Currency, Objectives = message.Objectives, CatalogueEntryId = message.CatalogueEntryId,
                TitleEn = message.TitleEn,
            },
        };
    }
}
