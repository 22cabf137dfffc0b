using Aid.Contracts;
using Aid.ServiceDefaults;
using JasperFx.Events;
using MassTransit;
using Published = Aid.Contracts.Registration;

namespace Aid.Registration;

/// <summary>Publishes the registration events other services need.</summary>
public sealed class RegistrationRelay(IBus bus, ILoggerFactory logs) : IntegrationEventRelay(bus, logs, RegistrationService.Name)
{
    protected override IIntegrationEvent? ToIntegrationEvent(IEvent @event, EventMetadata metadata) => @event.Data switch
    {
        Dossiers.DossierAccepted e => new Published.DossierAccepted(
            metadata, e.DossierId, e.ReceiptCode, e.NgoId, e.AidKind, e.SensitiveAreas)
        {
            NgoName = e.NgoName,
            Title = e.Title,
            Fields = e.Fields,
            Locations = e.Locations,
            Amount = e.Amount,
            Currency = e.Currency,
            AmountVnd = e.AmountVnd,
            StartDate = e.StartDate,
            EndDate = e.EndDate,
            AppointmentDate = e.AppointmentDate,
        },
        Dossiers.DossierWithdrawn e => new Published.DossierWithdrawn(metadata, e.DossierId, e.ReceiptCode, e.Reason),
        _ => null,
    };
}
