using Aid.Appraisal.Appraisals;
using Aid.Contracts;
using Aid.ServiceDefaults;
using JasperFx.Events;
using MassTransit;
using Published = Aid.Contracts.Appraisal;

namespace Aid.Appraisal;

/// <summary>Publishes the appraisal's public milestones: opened, report issued, decided (or forwarded).</summary>
public sealed class AppraisalRelay(IBus bus, ILoggerFactory logs) : IntegrationEventRelay(bus, logs, AppraisalService.Name)
{
    protected override IIntegrationEvent? ToIntegrationEvent(IEvent @event, EventMetadata metadata) => @event.Data switch
    {
        AppraisalOpened e => new Published.AppraisalOpened(metadata, e.DossierId, e.ReceiptCode, e.DueDate),
        AppraisalReportIssued e => new Published.AppraisalReportIssued(
            metadata, e.DossierId, e.ReceiptCode, e.Recommendation, e.DecisionDueDate)
        {
            OpenedOn = e.OpenedOn, IssuedOn = e.IssuedOn, DueDate = e.DueDate, OnTime = OnTime(e.IssuedOn, e.DueDate),
        },
        DossierApproved e => Decided(metadata, e.DossierId, e.ReceiptCode, Published.DecisionOutcome.Approved, e.Summary,
            e.DecidedOn, e.DecisionDueDate) with
        {
            DecisionNumber = e.DecisionNumber,
            DecisionDate = e.DecisionDate,
            Signer = e.Signer,
            Conditions = e.Conditions,
        },
        DossierRefused e => Decided(metadata, e.DossierId, e.ReceiptCode, Published.DecisionOutcome.Refused, e.Summary,
            e.DecidedOn, e.DecisionDueDate) with
        {
            DecisionDate = e.DecidedOn,
            Reasons = e.Reasons,
        },
        DossierForwardedToPrimeMinister e => Decided(metadata, e.DossierId, e.ReceiptCode,
            Published.DecisionOutcome.ForwardedToPrimeMinister, e.Summary, e.ForwardedOn, e.DecisionDueDate) with
        {
            DecisionDate = e.ForwardedOn,
            Reasons = e.Note is null ? e.Grounds : $"{e.Grounds}. {e.Note}",
        },
        // The province's decision clock stopped at forwarding: no due date, no on-time judgement.
        PrimeMinisterDecisionRecorded e => Decided(metadata, e.DossierId, e.ReceiptCode,
            e.Outcome, e.Summary, e.RecordedOn, null) with
        {
            DecisionNumber = e.DocumentNumber,
            DecisionDate = e.DocumentDate,
            Signer = Decisions.PrimeMinisterDecision.Signer,
            Conditions = e.Conditions,
            Reasons = e.Reasons,
            ByPrimeMinister = true,
            ForwardedOn = e.ForwardedOn,
        },
        ApologySlipIssued e => new Published.AppraisalApologyIssued(metadata, e.DossierId, e.ReceiptCode,
            e.Stage == Aid.Domain.Calendar.Stage.Decision ? Published.ApologisingStage.Decision : Published.ApologisingStage.Appraisal,
            e.Slip.FormerDueDate, e.Slip.NewDueDate, e.Slip.Reason, e.Slip.SignedBy),
        _ => null,
    };

    private static bool? OnTime(DateOnly endedOn, DateOnly? dueDate) => dueDate is { } due ? endedOn <= due : null;

    private static Published.DossierDecided Decided(EventMetadata metadata, Guid dossierId, string receiptCode,
        Published.DecisionOutcome outcome, DossierSummary summary, DateOnly decidedOn, DateOnly? dueDate) =>
        new(metadata, dossierId, receiptCode, outcome)
        {
            NgoId = summary.NgoId,
            Title = summary.Title,
            TitleEn = summary.TitleEn,
            AmountVnd = summary.AmountVnd,
            StartDate = summary.StartDate,
            EndDate = summary.EndDate,
            DecisionDueDate = dueDate,
            OnTime = OnTime(decidedOn, dueDate),
            NgoName = summary.NgoName,
            NgoCountry = summary.NgoCountry,
            AidKind = summary.AidKind,
            Fields = summary.Fields,
            Locations = summary.Locations ?? [],
            Amount = summary.Amount,
            Currency = summary.Currency,
            Objectives = summary.Objectives,
            CatalogueEntryId = summary.CatalogueEntryId,
        };
}
