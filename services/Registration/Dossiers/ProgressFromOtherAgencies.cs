using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Monitoring;
using Aid.Contracts.Security;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Marten;
using MassTransit;

namespace Aid.Registration.Dossiers;

/// <summary>
/// Records on the dossier what the other agencies published, for the NGO status view. Idempotent: a redelivered
/// message (same event id) changes nothing; a lost concurrency race is retried by the bus. A message about a dossier
/// this service does not know is noted and ignored.
/// </summary>
public sealed class ProgressFromOtherAgencies(IDocumentSession session, ILogger<ProgressFromOtherAgencies> logger) :
    IConsumer<SecurityReviewConcluded>, IConsumer<AppraisalOpened>, IConsumer<AppraisalReportIssued>,
    IConsumer<DossierDecided>, IConsumer<ProjectMonitoringStarted>, IConsumer<ProjectStatusChanged>
{
    public Task Consume(ConsumeContext<SecurityReviewConcluded> context) => Record(context.Message, context.Message.DossierId,
        m => new SecurityCheckConcluded(m.DossierId, m.Metadata.EventId, m.Metadata.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<AppraisalOpened> context) => Record(context.Message, context.Message.DossierId,
        m => new AppraisalStarted(m.DossierId, m.Metadata.EventId, m.DueDate, m.Metadata.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<AppraisalReportIssued> context) => Record(context.Message, context.Message.DossierId,
        m => new AppraisalReportReceived(m.DossierId, m.Metadata.EventId, m.DecisionDueDate, m.Metadata.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<DossierDecided> context) => Record(context.Message, context.Message.DossierId,
        m => new DecisionReceived(m.DossierId, m.Metadata.EventId, m.Outcome.ToString(), m.DecisionNumber, m.DecisionDate, m.Metadata.OccurredAt)
        {
            ByPrimeMinister = m.ByPrimeMinister,
        },
        context.CancellationToken, (m, ct) => Catalogue.FundingOfEntries.OnDecidedAsync(session, m, logger, ct));

    public Task Consume(ConsumeContext<ProjectMonitoringStarted> context) => Record(context.Message, context.Message.DossierId,
        m => new MonitoringStarted(m.DossierId, m.Metadata.EventId, m.FirstReportDue, m.Metadata.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectStatusChanged> context) => Record(context.Message, context.Message.DossierId,
        m => new ProjectStatusReceived(m.DossierId, m.Metadata.EventId, m.Status.ToString(), m.Metadata.OccurredAt), context.CancellationToken);

    private async Task Record<TMessage>(
        TMessage message, Guid dossierId, Func<TMessage, object> toEvent, CancellationToken ct,
        Func<TMessage, CancellationToken, Task>? alsoInSameTransaction = null)
        where TMessage : IIntegrationEvent
    {
        if (!await session.IsFirstDeliveryAsync(this, message, ct))
            return;
        // Optimistic concurrency: two instances may record two messages about one dossier at once, and a plain
        // append (Marten's quick append) would let the later inline snapshot overwrite the earlier one's step.
        var stream = await session.Events.FetchForWriting<Dossier>(dossierId, ct);
        if (stream.Aggregate is null)
        {
            logger.LogWarning("{Message} {EventId} names dossier {DossierId}, unknown here; ignored",
                typeof(TMessage).Name, message.Metadata.EventId, dossierId);
            await session.SaveChangesAsync(ct); // remember it was handled
            return;
        }
        session.ActingAsSystem(RegistrationService.Agency, message);
        stream.AppendOne(toEvent(message));
        if (alsoInSameTransaction is not null)
            await alsoInSameTransaction(message, ct);
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>One message at a time per instance; between instances, optimistic concurrency (above) keeps every step.</summary>
public sealed class ProgressFromOtherAgenciesDefinition : ConsumerDefinition<ProgressFromOtherAgencies>
{
    public ProgressFromOtherAgenciesDefinition() => ConcurrentMessageLimit = 1;
}
