using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Monitoring;
using Aid.Contracts.Security;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace Aid.Registration.Dossiers;

/// <summary>
/// Records on the dossier what the other agencies published, for the NGO status view. Idempotent: a redelivered
/// message (same event id) changes nothing; a lost concurrency race is retried by the bus. Every dossier starts
/// here, so a message about a dossier unknown here, with another receipt code, for a step the dossier's stage does
/// not admit (each step once, in the order of the lifecycle) or older than the last step recorded is refused.
/// </summary>
public sealed class ProgressFromOtherAgencies(IDocumentSession session, ILogger<ProgressFromOtherAgencies> logger) :
    IConsumer<SecurityReviewConcluded>, IConsumer<AppraisalOpened>, IConsumer<AppraisalReportIssued>,
    IConsumer<DossierDecided>, IConsumer<ProjectMonitoringStarted>, IConsumer<ProjectStatusChanged>
{
    public Task Consume(ConsumeContext<SecurityReviewConcluded> context) => Record(context.Message, context.Message.DossierId,
        context.Message.ReceiptCode, d => d.Stage is DossierStage.SecurityCheck,
        m => new SecurityCheckConcluded(m.DossierId, m.Metadata.EventId, m.Metadata.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<AppraisalOpened> context) => Record(context.Message, context.Message.DossierId,
        context.Message.ReceiptCode, d => d.Stage is DossierStage.SecurityCheck or DossierStage.Appraisal && !d.Has("AppraisalOpened"),
        m => new AppraisalStarted(m.DossierId, m.Metadata.EventId, m.DueDate, m.Metadata.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<AppraisalReportIssued> context) => Record(context.Message, context.Message.DossierId,
        context.Message.ReceiptCode, d => d.Stage is DossierStage.SecurityCheck or DossierStage.Appraisal,
        m => new AppraisalReportReceived(m.DossierId, m.Metadata.EventId, m.DecisionDueDate, m.Metadata.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<DossierDecided> context) => Record(context.Message, context.Message.DossierId,
        context.Message.ReceiptCode, d => (context.Message.NgoId ?? d.NgoId) == d.NgoId && (d.Stage is DossierStage.Decision
            || (context.Message.ByPrimeMinister && d.Stage is DossierStage.ForwardedToPrimeMinister)),
        m => new DecisionReceived(m.DossierId, m.Metadata.EventId, m.Outcome.ToString(), m.DecisionNumber, m.DecisionDate, m.Metadata.OccurredAt)
        {
            ByPrimeMinister = m.ByPrimeMinister,
        },
        context.CancellationToken, (m, ct) => Catalogue.FundingOfEntries.OnDecidedAsync(session, m, logger, ct));

    public Task Consume(ConsumeContext<ProjectMonitoringStarted> context) => Record(context.Message, context.Message.DossierId,
        context.Message.ReceiptCode, d => d.Stage is DossierStage.Approved,
        m => new MonitoringStarted(m.DossierId, m.Metadata.EventId, m.FirstReportDue, m.Metadata.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectStatusChanged> context) => Record(context.Message, context.Message.DossierId,
        // Approved and monitored, awaiting implementation, until this first status change says it started.
        context.Message.ReceiptCode, d => d.Stage is DossierStage.Implementing or DossierStage.Suspended or DossierStage.Completed
            || (d.Stage is DossierStage.Approved && d.Has("MonitoringStarted")),
        m => new ProjectStatusReceived(m.DossierId, m.Metadata.EventId, m.Status.ToString(), m.Metadata.OccurredAt), context.CancellationToken);

    private async Task Record<TMessage>(
        TMessage message, Guid dossierId, string receiptCode, Func<Dossier, bool> admits, Func<TMessage, object> toEvent,
        CancellationToken ct, Func<TMessage, CancellationToken, Task>? alsoInSameTransaction = null)
        where TMessage : IIntegrationEvent
    {
        if (!await session.IsFirstDeliveryAsync(this, message, ct))
            return;
        // Optimistic concurrency: two instances may record two messages about one dossier at once, and a plain
        // append (Marten's quick append) would let the later inline snapshot overwrite the earlier one's step.
        var stream = await session.Events.FetchForWriting<Dossier>(dossierId, ct);
        var dossier = stream.Aggregate ?? throw RefusedMessage.Unknown(message, "dossier", dossierId);
        RefusedMessage.Unless(message,
            MessageTrust.Same("receipt code", receiptCode, dossier.ReceiptCode),
            (admits(dossier), $"the dossier (stage {dossier.Stage}, NGO {dossier.NgoId}) does not admit this step"),
            MessageTrust.NotOlderThan(message, dossier.LastReportedAt));
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
