using Aid.Contracts.Desks;
using Aid.Registration.Ratings;
using Aid.Domain.Calendar;
using Aid.Domain.Province;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Aid.Registration.Dossiers;

/// <summary>
/// The NGO status view, one document per dossier, kept inline with the dossier's stream (a command's answer and the
/// next read agree): exactly what GET /dossiers/{id}/status answers, its version the stream's. Every event of the
/// stream moves the version, also those that change nothing the NGO reads. Only the province's name (configuration)
/// is added on reading.
/// </summary>
public sealed class DossierStatusProjection : SingleStreamProjection<DossierStatus, Guid>
{
    public override DossierStatus? Evolve(DossierStatus? status, Guid id, IEvent e)
    {
        var next = status is null
            ? e.Data switch
            {
                DossierSubmitted s => Submitted(s),
                DossierAccepted a => Accepted(Imported(a), a),
                _ => null,
            }
            : e.Data switch
            {
                SupplementRequested s => SupplementRequested(status, s),
                DossierResubmitted r => Resubmitted(status, r),
                DossierAccepted a => Accepted(status, a),
                DossierReceiptRefused r => At(status, DossierStage.ReceiptRefused, r.RefusedAt, DossierStep.ReceiptRefused,
                    RegistrationService.Agency) with { Refusal = new ReceiptRefusal(r.Reason, r.RefusedBy, r.RefusedOn), StageDueDate = null },
                DossierWithdrawn w => At(status, DossierStage.Withdrawn, w.WithdrawnAt, DossierStep.Withdrawn, Agencies.Ngo.Code) with
                {
                    // Before acceptance the due date shown was the intake check's, which ends with the withdrawal.
                    StageDueDate = StageOf(status) is DossierStage.IntakeCheck or DossierStage.SupplementRequested ? null : status.StageDueDate,
                },
                ServiceRated r => status with { Rating = r.Score },
                IntakeApologySlipIssued a => IntakeApology(status, a),
                ApologyReceived a => Apology(status, a),
                SecurityCheckConcluded c => Advance(status, DossierStage.Appraisal, null, new(c.At, DossierStep.SecurityConcluded, Agencies.Police.Code)),
                AppraisalStarted a => Advance(status, DossierStage.Appraisal, a.DueDate, new(a.At, DossierStep.AppraisalOpened, Agencies.Finance.Code)),
                AppraisalReportReceived r => Advance(status, DossierStage.Decision, r.DecisionDueDate,
                    new(r.At, DossierStep.AppraisalReportIssued, Agencies.Finance.Code)),
                DecisionReceived d => Advance(status, DossierSteps.Of(d), d.At, Agencies.PeoplesCommittee.Code),
                MonitoringStarted m => Advance(status, DossierStage.Approved, m.FirstReportDue, new(m.At, DossierStep.MonitoringStarted, Agencies.ForeignAffairs.Code)),
                ProjectStatusReceived p => Advance(status, DossierSteps.Of(p), p.At, Agencies.ForeignAffairs.Code),
                _ => status,
            };
        return next is null ? null : next with { Version = e.Version };
    }

    private static DossierStatus Submitted(DossierSubmitted e) => WithStage(new DossierStatus(
        e.DossierId, e.ReceiptCode, e.NgoId, e.NgoName, e.Content.Title, e.Content.Kind.ToString(), "", new Label("", ""), null,
        e.ReceiptDate, e.AppointmentDate, e.IntakeDueDate, [], [Step(new(e.SubmittedAt, DossierStep.Submitted, RegistrationService.Agency))], 0)
    {
        Documents = [.. e.Content.Documents.Select(d => new ReceivedDocument(d.Kind, d.Name))],
        SubmittedOnline = true,
        ProposedDecidedBy = DecidedByOf(e.Content.SensitiveAreas),
    }, DossierStage.IntakeCheck);

    /// <summary>History that starts at acceptance (imported from before this service): no intake details.</summary>
    private static DossierStatus Imported(DossierAccepted e) => new(
        e.DossierId, e.ReceiptCode, e.NgoId, e.NgoName ?? "", "", "", "", new Label("", ""), null,
        e.AcceptedAt.VietnamDate(), e.AppointmentDate ?? e.AcceptedAt.VietnamDate(), null, [], [], 0)
    {
        ProposedDecidedBy = DecidedByOf([]),
    };

    private static DossierStatus SupplementRequested(DossierStatus status, SupplementRequested e) =>
        At(status, DossierStage.SupplementRequested, e.RequestedAt, DossierStep.SupplementRequested, RegistrationService.Agency) with
        {
            StageDueDate = null, MissingItems = e.MissingItems, Supplement = new SupplementNotice(e.RequestedOn, e.Note, e.AnswerBy),
        };

    private static DossierStatus Resubmitted(DossierStatus status, DossierResubmitted e) =>
        At(status, DossierStage.IntakeCheck, e.ResubmittedAt, DossierStep.Resubmitted, Agencies.Ngo.Code) with
        {
            StageDueDate = e.IntakeDueDate, MissingItems = [], AppointmentDate = e.AppointmentDate,
            Documents = status.SubmittedOnline
                ? [.. status.Documents, .. e.AddedDocuments.Select(d => new ReceivedDocument(d.Kind, d.Name))]
                : status.Documents,
        };

    private static DossierStatus Accepted(DossierStatus status, DossierAccepted e) =>
        At(status, DossierStage.SecurityCheck, e.AcceptedAt, DossierStep.Accepted, RegistrationService.Agency) with
        {
            StageDueDate = null, ReceivedBy = e.AcceptedBy,
        };

    /// <summary>Sở Ngoại vụ's own slip: the intake due date and the appointment date move.</summary>
    private static DossierStatus IntakeApology(DossierStatus status, IntakeApologySlipIssued e) => status with
    {
        StageDueDate = StageOf(status) is DossierStage.IntakeCheck ? e.Slip.NewDueDate : status.StageDueDate,
        AppointmentDate = e.AppointmentDate,
        Apologies = [.. status.Apologies, DossierStatusQueries.PublicApologyOf(new ApologyNotice(PublicStages.IntakeCheck,
            RegistrationService.Agency, e.Slip.FormerDueDate, e.Slip.NewDueDate, e.WorkingDaysMoved, e.Slip.Reason, e.Slip.SignedBy,
            e.Slip.IssuedAt))],
        Timeline = [.. status.Timeline, Step(new(e.Slip.IssuedAt, DossierStep.ApologyIssued, RegistrationService.Agency))],
    };

    /// <summary>Another agency's slip: its stage's due date (while it holds the dossier) and the appointment date move.</summary>
    private static DossierStatus Apology(DossierStatus status, ApologyReceived e) => status with
    {
        StageDueDate = PublicStages.IsCurrent(StageOf(status), e.Stage) ? e.NewDueDate : status.StageDueDate,
        AppointmentDate = e.AppointmentDate,
        Apologies = [.. status.Apologies, DossierStatusQueries.PublicApologyOf(new ApologyNotice(e.Stage, e.AgencyCode,
            e.FormerDueDate, e.NewDueDate, e.WorkingDaysMoved, e.Reason, e.SignedBy, e.At))],
        Timeline = InOrder(status, new(e.At, DossierStep.ApologyIssued, e.AgencyCode)),
    };

    /// <summary>A step another agency reported: the same rule as the aggregate's (<see cref="Dossier.MovesOn"/>).</summary>
    private static DossierStatus Advance(DossierStatus status, DossierStage next, DateOnly? dueDate, TimelineStep step) =>
        Dossier.MovesOn(StageOf(status), next)
            ? WithStage(status, next) with { StageDueDate = dueDate, Timeline = InOrder(status, step) }
            : status with { Timeline = InOrder(status, step) };

    private static DossierStatus Advance(DossierStatus status, (DossierStep Step, DossierStage Stage) reported, DateTimeOffset at, string agency) =>
        Advance(status, reported.Stage, null, new TimelineStep(at, reported.Step, agency));

    /// <summary>The dossier moves to <paramref name="stage"/> by its own step (appended as it happened).</summary>
    private static DossierStatus At(DossierStatus status, DossierStage stage, DateTimeOffset at, DossierStep step, string agency) =>
        WithStage(status, stage) with { Timeline = [.. status.Timeline, Step(new(at, step, agency))] };

    private static DossierStatus WithStage(DossierStatus status, DossierStage stage) => status with
    {
        Stage = stage.ToString(), StageLabel = DossierStatusQueries.LabelOf(stage), HoldingAgency = DossierStatusQueries.HolderOf(stage),
        Supplement = stage == DossierStage.SupplementRequested ? status.Supplement : null,
    };

    private static DossierStage StageOf(DossierStatus status) => Enum.Parse<DossierStage>(status.Stage);

    private static List<PublicStep> InOrder(DossierStatus status, TimelineStep step) =>
        status.Timeline.Append(Step(step)).OrderBy(s => s.At).ToList();

    private static PublicStep Step(TimelineStep step) => DossierStatusQueries.PublicStepOf(step);

    private static DecidedBy DecidedByOf(IEnumerable<SensitiveArea> ticked) =>
        Classification.Proposed(ticked).PrimeMinisterMatter ? DecidedBy.PrimeMinister : DecidedBy.Province;
}
