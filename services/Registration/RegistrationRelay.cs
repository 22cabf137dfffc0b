using Aid.Contracts;
using Aid.Registration.PersonalData;
using Aid.ServiceDefaults;
using JasperFx.Events;
using Marten;
using MassTransit;
using Published = Aid.Contracts.Registration;

namespace Aid.Registration;

/// <summary>Publishes the registration events other services need.</summary>
public sealed class RegistrationRelay(IBus bus, ILoggerFactory logs) : IntegrationEventRelay(bus, logs, RegistrationService.Name)
{
    protected override IIntegrationEvent? ToIntegrationEvent(IEvent @event, EventMetadata metadata) => @event.Data switch
    {
        Dossiers.DossierSubmitted e => new Published.DossierReceived(
            metadata, e.DossierId, e.ReceiptCode, e.NgoId, e.Content.Kind.ToString(), e.ReceiptDate, e.IntakeDueDate)
        {
            Title = e.Content.Title,
            Fields = e.Content.Fields,
            Locations = e.Content.Locations,
            AmountVnd = e.Content.Budget.AmountVnd,
            CatalogueEntryId = e.CatalogueEntryId,
            AppointmentDate = e.AppointmentDate,
            // Only NGO staff submit, from their portal account: every receipt here is an online one.
            SubmittedOnline = true,
        },
        Dossiers.SupplementRequested { ReceiptCode: { } code } e => new Published.DossierSupplementRequested(
            metadata, e.DossierId, code, e.MissingItems, e.RequestedOn)
        {
            Note = e.Note,
            NgoId = e.NgoId,
            AnswerBy = e.AnswerBy,
        },
        Dossiers.DossierResubmitted { ReceiptCode: { } code } e => new Published.DossierResubmitted(
            metadata, e.DossierId, code, e.ResubmittedOn, e.StoppedWorkingDays, e.IntakeDueDate, e.AppointmentDate)
        {
            NgoId = e.NgoId,
        },
        Ratings.ServiceRated e => new Published.ServiceRated(metadata, e.DossierId, e.ReceiptCode, e.NgoId, e.Score, e.RatedOn),
        Dossiers.DossierAccepted e => new Published.DossierAccepted(
            metadata, e.DossierId, e.ReceiptCode, e.NgoId, e.AidKind, e.SensitiveAreas)
        {
            NgoName = e.NgoName,
            Title = e.Title,
            TitleEn = e.TitleEn,
            Fields = e.Fields,
            Locations = e.Locations,
            Amount = e.Amount,
            Currency = e.Currency,
            AmountVnd = e.AmountVnd,
            StartDate = e.StartDate,
            EndDate = e.EndDate,
            AppointmentDate = e.AppointmentDate,
            NgoCountry = e.NgoCountry,
            ReceiptDate = e.ReceiptDate,
            IntakeDueDate = e.IntakeDueDate,
            AcceptedOn = e.AcceptedOn,
            IntakeOnTime = e.IntakeOnTime,
            CatalogueEntryId = e.CatalogueEntryId,
            Objectives = e.Objectives,
            Classification = e.Classification,
        },
        Dossiers.DossierWithdrawn e => new Published.DossierWithdrawn(metadata, e.DossierId, e.ReceiptCode, e.Reason)
        {
            WasAccepted = e.WasAccepted,
        },
        Dossiers.DossierReceiptRefused e => new Published.DossierReceiptRefused(
            metadata, e.DossierId, e.ReceiptCode, e.NgoId, e.Reason, e.RefusedOn),
        Dossiers.IntakeApologySlipIssued e => new Published.IntakeApologyIssued(
            metadata, e.DossierId, e.ReceiptCode, e.Slip.FormerDueDate, e.Slip.NewDueDate, e.Slip.Reason, e.Slip.SignedBy),
        Ngos.NgoRegistered e => RegistryChanged(metadata, e.NgoId, Published.NgoRegistryChange.Registered, new Ngos.RegistryEntry(
            e.Profile.NameEnglish, e.Profile.Country, e.Certificate.Kind, e.Certificate.Number,
            e.Certificate.IssueDate, e.Certificate.ExpiryDate, Ngos.NgoStanding.Active)),
        Ngos.NgoAmended e => RegistryChanged(metadata, e.NgoId, Published.NgoRegistryChange.Amended, e.Entry),
        Ngos.NgoCertificateExtended e => RegistryChanged(metadata, e.NgoId, Published.NgoRegistryChange.CertificateExtended, e.Entry),
        Ngos.NgoSuspended e => RegistryChanged(metadata, e.NgoId, Published.NgoRegistryChange.Suspended, e.Entry),
        Ngos.NgoRevoked e => RegistryChanged(metadata, e.NgoId, Published.NgoRegistryChange.Revoked, e.Entry),
        Mobilisation.MobilisationPlanAdopted e => new Published.MobilisationPlanAdopted(
            metadata, e.PlanId, e.Year, e.Targets.Select(t => new Published.SectorTarget(t.Sector, t.TargetVnd)).ToList()),
        Catalogue.CatalogueEntryPublished e => new Published.CatalogueEntryPublished(
            metadata, e.EntryId, e.Code, e.Content.TitleVi, e.Content.TitleEn, e.Content.Sector, e.Content.Commune,
            e.Content.EstimatedCostVnd, e.PublishedOn, e.ValidUntil),
        Catalogue.CatalogueEntryFunded e => new Published.CatalogueEntryFunded(
            metadata, e.EntryId, e.DossierId, e.Fully ? Published.FundingLevel.Fully : Published.FundingLevel.Partly, e.FundedVnd),
        _ => null,
    };

    /// <summary>
    /// Registry changes also carry where the NGO's notifications go: its contact person's e-mail address, opened from
    /// the sealed personal data as it stands now (nothing once the person was erased). An erasure of an NGO's contact
    /// person is published as an amendment without the address, so mail to them stops.
    /// </summary>
    protected override async ValueTask<IIntegrationEvent?> ToIntegrationEventAsync(
        IEvent @event, EventMetadata metadata, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        if (@event.Data is PersonalDataErased erased)
        {
            var ngo = (await operations.Query<Ngos.Ngo>().Where(n => n.Profile.Contact.PersonId == erased.PersonId)
                .ToListAsync(cancellationToken)).FirstOrDefault();
            return ngo is null ? null
                : RegistryChanged(metadata, ngo.Id, Published.NgoRegistryChange.Amended, Ngos.RegistryEntry.Of(ngo));
        }
        if (ToIntegrationEvent(@event, metadata) is not Published.NgoRegistryChanged changed)
            return ToIntegrationEvent(@event, metadata);
        var current = await operations.LoadAsync<Ngos.Ngo>(changed.NgoId, cancellationToken);
        var contact = current is null ? null : await operations.OpenAsync<Ngos.ContactPerson>(current.Profile.Contact, cancellationToken);
        return contact?.Email is { Length: > 0 } email ? changed with { NotificationEmails = [email] } : changed;
    }

    /// <summary>Change events recorded before they carried the entry cannot be published whole: they are skipped.</summary>
    private static Published.NgoRegistryChanged? RegistryChanged(
        EventMetadata metadata, Guid ngoId, Published.NgoRegistryChange change, Ngos.RegistryEntry? entry) => entry is null ? null
        : new Published.NgoRegistryChanged(metadata, ngoId, change, entry.Name, entry.Country, entry.CertificateKind.ToString(),
            entry.CertificateNumber, entry.CertificateIssueDate, entry.CertificateExpiryDate,
            Enum.Parse<Published.NgoStanding>(entry.Standing.ToString()));
}
