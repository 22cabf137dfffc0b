using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Monitoring;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.Notifications.Notices;
using Aid.ServiceDefaults;
using Aid.Domain.Calendar;
using Aid.Domain.Province;
using Aid.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace Aid.Notifications.Dossiers;

/// <summary>
/// Turns each step of a dossier into notifications: to the NGO (received, supplement requested, clock resumed, each
/// stage concluded, the decision, apologies) and to the agency whose queue it enters. Each event is handled once: its
/// idempotency record, the dossier file, the inbox notifications and the outbox deliveries commit together.
/// </summary>
public sealed class NotifyDossierProgress(
    IDocumentSession session, Notifier notifier, StageDeadlines deadlines, WorkingCalendar calendar, TimeProvider clock)
    : IConsumer<DossierReceived>, IConsumer<DossierSupplementRequested>, IConsumer<Contracts.Registration.DossierResubmitted>,
      IConsumer<DossierAccepted>, IConsumer<DossierWithdrawn>, IConsumer<DossierReceiptRefused>, IConsumer<SecurityReviewConcluded>, IConsumer<AppraisalOpened>,
      IConsumer<AppraisalReportIssued>, IConsumer<DossierDecided>, IConsumer<IntakeApologyIssued>,
      IConsumer<SecurityApologyIssued>, IConsumer<AppraisalApologyIssued>, IConsumer<ProjectMonitoringStarted>,
      IConsumer<ProgressReportFiled>
{
    public Task Consume(ConsumeContext<DossierReceived> context) => Handle(context, context.Message.DossierId, async (m, file) =>
    {
        file.NgoId = m.NgoId;
        file.ReceiptCode = m.ReceiptCode;
        file.AidKind = m.AidKind;
        file.Start(StageName.Intake.Key, m.IntakeDueDate);
        await ToNgo(m, file, NoticeKind.DossierReceived, NoticeTexts.Received(m.DossierId, m.ReceiptCode, m.ReceiptDate, m.AppointmentDate));
        await ToAgency(m, file, StageName.Intake, m.IntakeDueDate);
    });

    public Task Consume(ConsumeContext<DossierSupplementRequested> context) => Handle(context, context.Message.DossierId, async (m, file) =>
    {
        file.NgoId ??= m.NgoId;
        file.Stop(StageName.Intake.Key);
        await ToNgo(m, file, NoticeKind.SupplementRequested,
            NoticeTexts.SupplementRequested(m.DossierId, m.ReceiptCode, m.MissingItems, m.Note, m.RequestedOn, m.AnswerBy));
    });

    public Task Consume(ConsumeContext<Contracts.Registration.DossierResubmitted> context) => Handle(context, context.Message.DossierId, async (m, file) =>
    {
        file.NgoId ??= m.NgoId;
        file.Start(StageName.Intake.Key, m.IntakeDueDate);
        await ToNgo(m, file, NoticeKind.ClockResumed, NoticeTexts.ClockResumed(m.DossierId, m.ReceiptCode, m.ResubmittedOn, m.AppointmentDate));
        await ToAgency(m, file, StageName.Intake, m.IntakeDueDate);
    });

    public Task Consume(ConsumeContext<DossierAccepted> context) => Handle(context, context.Message.DossierId, async (m, file) =>
    {
        file.NgoId = m.NgoId;
        file.AidKind = m.AidKind;
        file.Stop(StageName.Intake.Key);
        var accepted = m.AcceptedOn ?? m.Metadata.OccurredAt.VietnamDate();
        var securityDue = m.AcceptedOn is null ? (DateOnly?)null
            : calendar.AddWorkingDays(accepted, deadlines.WorkingDaysFor(m.AidKind, Stage.Security));
        if (securityDue is { } due)
            file.Start(StageName.Security.Key, due);
        await StageDone(m, file, StageName.Intake);
        await ToAgency(m, file, StageName.Security, securityDue);
    });

    public Task Consume(ConsumeContext<DossierWithdrawn> context) => Handle(context, context.Message.DossierId, (_, file) =>
    {
        file.Running.Clear();
        file.Ended = true;
        return Task.CompletedTask;
    });

    /// <summary>Refused at intake: the dossier ends; the NGO is told why (filed under decisions: it is the dossier's result).</summary>
    public Task Consume(ConsumeContext<DossierReceiptRefused> context) => Handle(context, context.Message.DossierId, async (m, file) =>
    {
        file.NgoId ??= m.NgoId;
        file.Running.Clear();
        file.Ended = true;
        await ToNgo(m, file, NoticeKind.Decision, NoticeTexts.ReceiptRefused(m.DossierId, m.ReceiptCode, m.RefusedOn, m.Reason));
    });

    public Task Consume(ConsumeContext<SecurityReviewConcluded> context) => Handle(context, context.Message.DossierId, async (m, file) =>
    {
        file.Stop(StageName.Security.Key);
        await StageDone(m, file, StageName.Security);
    });

    public Task Consume(ConsumeContext<AppraisalOpened> context) => Handle(context, context.Message.DossierId, async (m, file) =>
    {
        file.Stop(StageName.Security.Key);
        file.Start(StageName.Appraisal.Key, m.DueDate);
        await ToAgency(m, file, StageName.Appraisal, m.DueDate);
    });

    public Task Consume(ConsumeContext<AppraisalReportIssued> context) => Handle(context, context.Message.DossierId, async (m, file) =>
    {
        file.Stop(StageName.Appraisal.Key);
        file.Start(StageName.Decision.Key, m.DecisionDueDate);
        await StageDone(m, file, StageName.Appraisal);
        await ToAgency(m, file, StageName.Decision, m.DecisionDueDate);
    });

    public Task Consume(ConsumeContext<DossierDecided> context) => Handle(context, context.Message.DossierId, async (m, file) =>
    {
        file.NgoId ??= m.NgoId;
        file.Stop(StageName.Decision.Key);
        var text = m.Outcome switch
        {
            DecisionOutcome.Approved => NoticeTexts.Approved(m.DossierId, m.ReceiptCode, m.DecisionNumber, m.DecisionDate, m.Conditions, m.ByPrimeMinister),
            DecisionOutcome.Refused => NoticeTexts.Refused(m.DossierId, m.ReceiptCode, m.Reasons, m.ByPrimeMinister),
            _ => NoticeTexts.Forwarded(m.DossierId, m.ReceiptCode),
        };
        // A decision ends the dossier's processing: no stage runs any more, whatever step arrives late.
        if (m.Outcome != DecisionOutcome.ForwardedToPrimeMinister)
        {
            file.Running.Clear();
            file.Ended = true;
        }
        await ToNgo(m, file, NoticeKind.Decision, text);
    });

    public Task Consume(ConsumeContext<IntakeApologyIssued> context) => Handle(context, context.Message.DossierId, (m, file) =>
        Apology(m, file, StageName.Intake, m.FormerDueDate, m.NewDueDate, m.Reason));

    public Task Consume(ConsumeContext<SecurityApologyIssued> context) => Handle(context, context.Message.DossierId, (m, file) =>
        Apology(m, file, StageName.Security, m.FormerDueDate, m.NewDueDate, m.Reason));

    public Task Consume(ConsumeContext<AppraisalApologyIssued> context) => Handle(context, context.Message.DossierId, (m, file) =>
        Apology(m, file, m.Stage == ApologisingStage.Decision ? StageName.Decision : StageName.Appraisal, m.FormerDueDate, m.NewDueDate, m.Reason));

    public Task Consume(ConsumeContext<ProjectMonitoringStarted> context) => Handle(context, context.Message.DossierId, (m, file) =>
    {
        file.NgoId ??= m.NgoId;
        file.ReceiptCode = m.ReceiptCode;
        file.Ended = false;
        IEnumerable<ReportDue> owed = m.Reports.Count > 0 ? m.Reports : [new ReportDue("1", m.FirstReportDue)];
        foreach (var report in owed.Where(r => file.Reports.All(k => k.Key != r.Key)))
            file.Reports.Add(new OwedReport { Key = report.Key, DueDate = report.DueDate });
        return Task.CompletedTask;
    });

    public Task Consume(ConsumeContext<ProgressReportFiled> context) => Handle(context, context.Message.DossierId, (m, file) =>
    {
        foreach (var report in file.Reports.Where(r => r.Key == m.ReportKey))
            report.Filed = true;
        return Task.CompletedTask;
    });

    private async Task Handle<T>(ConsumeContext<T> context, Guid dossierId, Func<T, DossierFile, Task> act)
        where T : class, IIntegrationEvent
    {
        // Steps of a dossier already decided (or withdrawn) that arrive late start no clock again.
        cancellation = context.CancellationToken;
        if (!await session.IsFirstDeliveryAsync(this, context.Message, cancellation))
            return;
        var file = await session.LoadAsync<DossierFile>(dossierId, cancellation) ?? new DossierFile { Id = dossierId };
        if (context.Message.GetType().GetProperty("ReceiptCode")?.GetValue(context.Message) is string { Length: > 0 } code)
            file.ReceiptCode = code;
        var ended = file.Ended;
        await act(context.Message, file);
        if (ended && context.Message is not ProjectMonitoringStarted)
            file.Running.Clear();
        session.Store(file);
        await session.SaveChangesAsync(cancellation);
    }

    private CancellationToken cancellation;

    /// <summary>How long after an event the NGO's registry entry may still be on its way (it travels on another queue).</summary>
    public static readonly TimeSpan RegistryLag = TimeSpan.FromMinutes(2);

    private async Task ToNgo(IIntegrationEvent message, DossierFile file, NoticeKind kind, NoticeText text)
    {
        if (file.NgoId is not { } ngo)
            return;
        // A new NGO's first dossier may overtake its registry entry: the bus tries again a little later (the whole
        // consumption rolls back), so the mail is not sent to nobody. An NGO registered before this service existed
        // is told in the inbox only, until its entry changes.
        if (clock.GetUtcNow() - message.Metadata.OccurredAt < RegistryLag
            && await session.LoadAsync<Recipients.NgoContact>(ngo, cancellation) is null)
            throw RefusedMessage.Unknown(message, "NGO", ngo, mayArriveLater: true);
        await notifier.NotifyAsync(session, Source(message), Audience.Ngo(ngo), kind, file.Id, text, cancellation);
    }

    private Task ToAgency(IIntegrationEvent message, DossierFile file, StageName stage, DateOnly? due) =>
        notifier.NotifyAsync(session, Source(message), Audience.Agency(stage.Agency.Code), NoticeKind.NewInQueue, file.Id,
            NoticeTexts.NewInQueue(file.Id, file.ReceiptCode, stage.Agency, stage.Vi, stage.En, due), cancellation);

    private Task StageDone(IIntegrationEvent message, DossierFile file, StageName stage) =>
        ToNgo(message, file, NoticeKind.StageConcluded, NoticeTexts.StageConcluded(file.Id, file.ReceiptCode, stage.Agency, stage.Vi, stage.En));

    private async Task Apology(IIntegrationEvent message, DossierFile file, StageName stage, DateOnly formerDue, DateOnly newDue, string reason)
    {
        if (file.Running.ContainsKey(stage.Key))
            file.Start(stage.Key, newDue);
        await ToNgo(message, file, NoticeKind.Apology, NoticeTexts.Apology(file.Id, file.ReceiptCode, stage.Agency, formerDue, newDue, reason));
    }

    private static string Source(IIntegrationEvent message) => message.Metadata.EventId.ToString("N");
}
