using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Marten;
using MassTransit;

namespace Aid.Monitoring.Reporting;

/// <summary>
/// Keeps every integration event the province's reports count, as an event in Monitoring's own store: the
/// reports are then a pure function of this store's history up to a cut-off, whatever the other services do later.
/// Each fact is its own stream whose id is the integration event's id. That id is the idempotency key: a
/// redelivery finds the stream there and changes nothing, and of two concurrent deliveries only one can start the stream.
/// A fact about a dossier is first checked against the dossier's earlier facts (<see cref="DossierFactCheck"/>).
/// </summary>
public sealed class RecordReportFacts(IDocumentSession session) :
    IConsumer<NgoRegistryChanged>, IConsumer<DossierReceived>, IConsumer<DossierAccepted>, IConsumer<DossierWithdrawn>,
    IConsumer<SecurityReviewConcluded>, IConsumer<AppraisalReportIssued>, IConsumer<DossierDecided>,
    IConsumer<MobilisationPlanAdopted>, IConsumer<CatalogueEntryPublished>, IConsumer<CatalogueEntryFunded>,
    IConsumer<DossierSupplementRequested>, IConsumer<IntakeApologyIssued>, IConsumer<SecurityApologyIssued>,
    IConsumer<AppraisalApologyIssued>, IConsumer<ServiceRated>
{
    public Task Consume(ConsumeContext<NgoRegistryChanged> context) => Record(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<DossierReceived> context) => Record(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<DossierAccepted> c) => Record(c.Message, c.CancellationToken, (c.Message.DossierId, c.Message.ReceiptCode, c.Message.NgoId));
    public Task Consume(ConsumeContext<DossierWithdrawn> c) => Record(c.Message, c.CancellationToken, (c.Message.DossierId, c.Message.ReceiptCode, null));
    public Task Consume(ConsumeContext<SecurityReviewConcluded> c) => Record(c.Message, c.CancellationToken, (c.Message.DossierId, c.Message.ReceiptCode, null));
    public Task Consume(ConsumeContext<AppraisalReportIssued> c) => Record(c.Message, c.CancellationToken, (c.Message.DossierId, c.Message.ReceiptCode, null));
    public Task Consume(ConsumeContext<DossierDecided> c) => Record(c.Message, c.CancellationToken, (c.Message.DossierId, c.Message.ReceiptCode, c.Message.NgoId));
    public Task Consume(ConsumeContext<MobilisationPlanAdopted> context) => Record(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<CatalogueEntryPublished> context) => Record(context.Message, context.CancellationToken);
    public Task Consume(ConsumeContext<CatalogueEntryFunded> context) => Record(context.Message, context.CancellationToken);
    // The index counts requests: the officer's note (free text, may name people) stays with Registration and the NGO.
    public Task Consume(ConsumeContext<DossierSupplementRequested> c) =>
        Record(c.Message with { Note = null }, c.CancellationToken, (c.Message.DossierId, c.Message.ReceiptCode, null));
    public Task Consume(ConsumeContext<IntakeApologyIssued> c) => Record(c.Message, c.CancellationToken, (c.Message.DossierId, c.Message.ReceiptCode, null));
    public Task Consume(ConsumeContext<SecurityApologyIssued> c) => Record(c.Message, c.CancellationToken, (c.Message.DossierId, c.Message.ReceiptCode, null));
    public Task Consume(ConsumeContext<AppraisalApologyIssued> c) => Record(c.Message, c.CancellationToken, (c.Message.DossierId, c.Message.ReceiptCode, null));
    public Task Consume(ConsumeContext<ServiceRated> c) => Record(c.Message, c.CancellationToken, (c.Message.DossierId, c.Message.ReceiptCode, c.Message.NgoId));

    private async Task Record(
        IIntegrationEvent message, CancellationToken cancellationToken, (Guid Id, string ReceiptCode, Guid? NgoId)? dossier = null)
    {
        var id = message.Metadata.EventId;
        if (await session.Events.FetchStreamStateAsync(id, cancellationToken) is not null)
            return;
        if (dossier is { } d)
            await DossierFactCheck.ThrowUnlessAdmittedAsync(session, message, d.Id, d.ReceiptCode, d.NgoId, cancellationToken);
        session.ActingAsSystem(MonitoringService.Agency, message);
        session.CorrelationId = message.Metadata.CorrelationId;
        session.CausationId = id.ToString();
        session.Events.StartStream(id, message);
        // A concurrent delivery of the same event collides on the stream id: this transaction rolls back, and the
        // bus's retry finds the fact recorded.
        await session.SaveChangesAsync(cancellationToken);
    }
}
