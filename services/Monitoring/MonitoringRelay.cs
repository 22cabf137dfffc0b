using Aid.Contracts;
using Aid.Monitoring.Projects;
using Aid.ServiceDefaults;
using JasperFx.Events;
using MassTransit;
using Published = Aid.Contracts.Monitoring;

namespace Aid.Monitoring;

/// <summary>
/// Publishes what other services need to know of monitoring. A resumed project is published as Implementing
/// (the contract has no "approved, not yet implemented" status), with the resumption note as reason.
/// </summary>
public sealed class MonitoringRelay(IBus bus, ILoggerFactory logs) : IntegrationEventRelay(bus, logs, MonitoringService.Name)
{
    protected override IIntegrationEvent? ToIntegrationEvent(IEvent @event, EventMetadata metadata) => @event.Data switch
    {
        ProjectMonitoringStarted e => new Published.ProjectMonitoringStarted(
            metadata, e.DossierId, e.ReceiptCode, e.Schedule.Min(r => r.DueDate))
        {
            NgoId = e.NgoId,
            Reports = e.Schedule.Select(r => new Published.ReportDue(r.Key, r.DueDate)).ToList(),
        },
        ProgressReportReceived e => new Published.ProgressReportFiled(metadata, @event.StreamId, e.ReportKey, e.ReceivedOn),
        ImplementationStarted e => Changed(@event, metadata, e.ReceiptCode, Published.ProjectStatus.Implementing, null),
        ProjectSuspended e => Changed(@event, metadata, e.ReceiptCode, Published.ProjectStatus.Suspended, e.Reason),
        ProjectResumed e => Changed(@event, metadata, e.ReceiptCode, Published.ProjectStatus.Implementing, e.Note),
        ProjectCompleted e => Changed(@event, metadata, e.ReceiptCode, Published.ProjectStatus.Completed, null),
        ProjectClosed e => Changed(@event, metadata, e.ReceiptCode, Published.ProjectStatus.Closed, e.SettlementNote),
        AidTrancheReceived e when e.ReceiptCode is not null => new Published.AidReceived(
            metadata, @event.StreamId, e.ReceiptCode, e.TrancheId, e.Amount, e.Currency, e.ReceivedOn)
        {
            AmountVnd = e.AmountVnd,
        },
        _ => null,
    };

    private static Published.ProjectStatusChanged Changed(
        IEvent @event, EventMetadata metadata, string receiptCode, Published.ProjectStatus status, string? reason) =>
        new(metadata, @event.StreamId, receiptCode, status, reason);
}
