using Aid.Contracts;
using Aid.Security.Reviews;
using Aid.ServiceDefaults;
using JasperFx.Events;
using MassTransit;
using Published = Aid.Contracts.Security;

namespace Aid.Security;

/// <summary>Publishes the verdict and the public conditions; findings and objection reasons never leave.</summary>
public sealed class SecurityRelay(IBus bus, ILoggerFactory logs) : IntegrationEventRelay(bus, logs, SecurityService.Name)
{
    protected override IIntegrationEvent? ToIntegrationEvent(IEvent @event, EventMetadata metadata) => @event.Data switch
    {
        ReviewConcluded e => new Published.SecurityReviewConcluded(
            metadata, e.DossierId, e.ReceiptCode, e.Verdict, e.PublicConditions)
        {
            ConcludedOn = e.EndedOn, DueDate = e.DueDate, OnTime = e.OnTime,
        },
        SecurityApologySlipIssued e => new Published.SecurityApologyIssued(
            metadata, e.DossierId, e.ReceiptCode, e.Slip.FormerDueDate, e.Slip.NewDueDate, e.Slip.Reason, e.Slip.SignedBy),
        _ => null,
    };
}
