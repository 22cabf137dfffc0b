using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Monitoring;
using Aid.Contracts.Security;
using Aid.Domain.Apologies;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace Aid.Registration.Dossiers;

/// <summary>
/// Records on the dossier what the other agencies published, for the NGO status view. Idempotent: a redelivered
/// message (same event id) changes nothing; a lost concurrency race is retried by the bus. Every dossier starts
/// here, so a message about a dossier unknown here, with another receipt code, or for a step the dossier does not
/// admit (each step once, only after acceptance; see <see cref="Accepted"/>) is refused; so is a project status change
/// older than the last step recorded.
/// </summary>
public sealed class ProgressFromOtherAgencies(IDocumentSession session, WorkingCalendar calendar, ILogger<ProgressFromOtherAgencies> logger) :
    IConsumer<SecurityReviewConcluded>, IConsumer<AppraisalOpened>, IConsumer<AppraisalReportIssued>,
    IConsumer<DossierDecided>, IConsumer<ProjectMonitoringStarted>, IConsumer<ProjectStatusChanged>,
    IConsumer<SecurityApologyIssued>, IConsumer<AppraisalApologyIssued>
{
    public Task Consume(ConsumeContext<SecurityReviewConcluded> context) => Record(context.Message, context.Message.DossierId,
        context.Message.ReceiptCode, d => Accepted(d) && !d.Has(DossierStep.SecurityConcluded),
        (m, _) => new SecurityCheckConcluded(m.DossierId, m.Metadata.EventId, m.Metadata.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<AppraisalOpened> context) => Record(context.Message, context.Message.DossierId,
        context.Message.ReceiptCode, d => Accepted(d) && !d.Has(DossierStep.AppraisalOpened),
        (m, _) => new AppraisalStarted(m.DossierId, m.Metadata.EventId, m.DueDate, m.Metadata.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<AppraisalReportIssued> context) => Record(context.Message, context.Message.DossierId,
        context.Message.ReceiptCode, d => Accepted(d) && !d.Has(DossierStep.AppraisalReportIssued),
        (m, _) => new AppraisalReportReceived(m.DossierId, m.Metadata.EventId, m.DecisionDueDate, m.Metadata.OccurredAt), context.CancellationToken);

    public Task Consume(ConsumeContext<DossierDecided> context) => Record(context.Message, context.Message.DossierId,
        context.Message.ReceiptCode, d => Accepted(d) && (context.Message.NgoId ?? d.NgoId) == d.NgoId && (context.Message.ByPrimeMinister
            ? d.Has(DossierStep.DecidedForwardedToPrimeMinister) && !d.Timeline.Any(t => DossierSteps.IsPrimeMinisterDecision(t.Step))
            : !d.Timeline.Any(t => DossierSteps.IsProvinceDecision(t.Step))),
        (m, _) => new DecisionReceived(m.DossierId, m.Metadata.EventId, m.Outcome.ToString(), m.DecisionNumber, m.DecisionDate, m.Metadata.OccurredAt)
        {
            ByPrimeMinister = m.ByPrimeMinister,
        },
        context.CancellationToken, (m, ct) => Catalogue.FundingOfEntries.OnDecidedAsync(session, m, logger, ct));

    public Task Consume(ConsumeContext<ProjectMonitoringStarted> context) => Record(context.Message, context.Message.DossierId,
        context.Message.ReceiptCode, d => (d.Has(DossierStep.DecidedApproved) || d.Has(DossierStep.PrimeMinisterDecidedApproved)) && !d.Has(DossierStep.MonitoringStarted),
        (m, _) => new MonitoringStarted(m.DossierId, m.Metadata.EventId, m.FirstReportDue, m.Metadata.OccurredAt), context.CancellationToken);

    // Status changes repeat (implementing, suspended, implementing again) and come in order from Monitoring alone:
    // one older than the last step recorded is stale.
    public Task Consume(ConsumeContext<ProjectStatusChanged> context) => Record(context.Message, context.Message.DossierId,
        context.Message.ReceiptCode, d => d.Has(DossierStep.MonitoringStarted) && d.Stage is not DossierStage.Closed,
        (m, _) => new ProjectStatusReceived(m.DossierId, m.Metadata.EventId, m.Status.ToString(), m.Metadata.OccurredAt), context.CancellationToken,
        notOlderThanLastStep: true);

    /// <summary>Công an tỉnh's apology slip: admitted while the security check is in progress (accepted, not concluded).</summary>
    public Task Consume(ConsumeContext<SecurityApologyIssued> context) => Apology(context.Message, context.Message.DossierId,
        context.Message.ReceiptCode, PublicStages.SecurityCheck, Agencies.Police.Code, context.Message.FormerDueDate,
        context.Message.NewDueDate, context.Message.Reason, context.Message.SignedBy,
        d => Accepted(d) && !d.Has(DossierStep.SecurityConcluded), context.CancellationToken);

    /// <summary>Sở Tài chính's (appraisal: opened, no report yet) or UBND tỉnh's (decision: report issued, not decided) slip.</summary>
    public Task Consume(ConsumeContext<AppraisalApologyIssued> context)
    {
        var m = context.Message;
        var decision = m.Stage == ApologisingStage.Decision;
        return Apology(m, m.DossierId, m.ReceiptCode, decision ? PublicStages.Decision : PublicStages.Appraisal,
            decision ? Agencies.PeoplesCommittee.Code : Agencies.Finance.Code, m.FormerDueDate, m.NewDueDate, m.Reason, m.SignedBy,
            d => decision ? d.Has(DossierStep.AppraisalReportIssued) && !d.Decided : d.Has(DossierStep.AppraisalOpened) && !d.Has(DossierStep.AppraisalReportIssued),
            context.CancellationToken);
    }

    /// <summary>
    /// An apology slip moves the appointment date by the working days it moved the stage's due date. Refused for a
    /// withdrawn dossier or a stage that is not in progress here.
    /// </summary>
    private Task Apology<TMessage>(TMessage message, Guid dossierId, string receiptCode, string stage, string agency,
        DateOnly formerDueDate, DateOnly newDueDate, string reason, string signedBy, Func<Dossier, bool> inProgress, CancellationToken ct)
        where TMessage : IIntegrationEvent
    {
        var moved = IssueApology.WorkingDaysMoved(formerDueDate, newDueDate, calendar);
        return Record(message, dossierId, receiptCode, d => d.Stage is not (DossierStage.Withdrawn or DossierStage.Closed) && inProgress(d),
            (m, d) => new ApologyReceived(dossierId, m.Metadata.EventId, stage, agency, formerDueDate, newDueDate, moved, reason, signedBy,
                calendar.AddWorkingDays(d.AppointmentDate, moved), m.Metadata.OccurredAt), ct);
    }

    /// <summary>
    /// Steps from different agencies travel on different queues, so after an outage one may arrive after a later one
    /// (a security conclusion after the appraisal opened): a step is admitted once the dossier was accepted, if it
    /// is not recorded yet. A step recorded already, or about a dossier never accepted, is refused.
    /// </summary>
    private static bool Accepted(Dossier d) => d.Has(DossierStep.Accepted);

    private async Task Record<TMessage>(
        TMessage message, Guid dossierId, string receiptCode, Func<Dossier, bool> admits, Func<TMessage, Dossier, object> toEvent,
        CancellationToken ct, Func<TMessage, CancellationToken, Task>? alsoInSameTransaction = null, bool notOlderThanLastStep = false)
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
            notOlderThanLastStep ? MessageTrust.NotOlderThan(message, dossier.LastReportedAt) : (true, ""));
        session.ActingAsSystem(RegistrationService.Agency, message);
        stream.AppendOne(toEvent(message, dossier));
        if (alsoInSameTransaction is not null)
            await alsoInSameTransaction(message, ct);
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>
/// One message at a time per instance: a step in retry (a lost race with another instance) keeps its slot, so the
/// next step of the same dossier cannot overtake it and be refused for arriving early (the fault suite parked a
/// ProjectMonitoringStarted that overtook its DossierDecided when this consumer ran concurrently). Between instances,
/// optimistic concurrency (above) keeps every step.
/// </summary>
public sealed class ProgressFromOtherAgenciesDefinition : ConsumerDefinition<ProgressFromOtherAgencies>
{
    public ProgressFromOtherAgenciesDefinition() => ConcurrentMessageLimit = 1;
}
