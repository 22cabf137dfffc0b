using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Desks;
using Aid.Domain.Province;

namespace Aid.Registration.Dossiers;

/// <summary>Where the dossier is, as the NGO sees it. The order matters: see <see cref="Dossier.Advance"/>.</summary>
public enum DossierStage
{
    IntakeCheck, SupplementRequested, SecurityCheck, Appraisal, Decision,
    Approved, Refused, ForwardedToPrimeMinister, Implementing, Suspended, Completed, Closed, Withdrawn, ReceiptRefused,
}

/// <summary>One stage's clock: when it started and ended, its due date, whether it finished on time.
/// <see cref="DueDateBeforeApology"/>: the due date before the first apology slip moved <see cref="DueDate"/>; on-time is judged against it.</summary>
public sealed record StageClock(DateOnly StartedOn, DateOnly DueDate, DateOnly? EndedOn = null, bool? OnTime = null, bool OverdueFlagged = false,
    DateOnly? DueDateBeforeApology = null)
{
    public DateOnly OriginalDueDate => DueDateBeforeApology ?? DueDate;
}

/// <summary>An apology slip an agency issued for running late on its stage (Stage: a public stage code, see PublicStages).</summary>
public sealed record ApologyNotice(
    string Stage, string AgencyCode, DateOnly FormerDueDate, DateOnly NewDueDate, int WorkingDaysMoved, string Reason, string SignedBy,
    DateTimeOffset IssuedAt);

/// <summary>A dossier as Sở Ngoại vụ knows it: its stream id is the dossier id. The NGO status view is its own
/// projection (<see cref="DossierStatusProjection"/>).</summary>
public sealed record Dossier : IQueued
{
    public Guid Id { get; init; }
    public Guid NgoId { get; init; }
    public string NgoName { get; init; } = "";
    public string? NgoCountry { get; init; }
    public Guid? CatalogueEntryId { get; init; }
    public DossierContent? Content { get; init; }
    public string ReceiptCode { get; init; } = "";
    public DateOnly ReceiptDate { get; init; }
    public DateOnly AppointmentDate { get; init; }
    public string LookupSecretHash { get; init; } = "";
    public DossierStage Stage { get; init; }
    public StageClock? Intake { get; init; }
    /// <summary>The due date of the stage another agency holds, as it published it.</summary>
    public DateOnly? CurrentStageDueDate { get; init; }
    public DateOnly? SupplementRequestedOn { get; init; }
    public int SupplementRequests { get; init; }
    public IReadOnlyList<string> MissingItems { get; init; } = [];
    /// <summary>The answer-by date of the open supplement request.</summary>
    public DateOnly? SupplementAnswerBy { get; init; }
    public int StoppedWorkingDays { get; init; }
    public bool Decided { get; init; }
    public IReadOnlyList<StoredDocument> UploadedDocuments { get; init; } = [];
    public IReadOnlyList<TimelineStep> Timeline { get; init; } = [];
    /// <summary>When the latest step another agency reported happened (its message's time), to refuse older ones.</summary>
    public DateTimeOffset? LastReportedAt { get; init; }
    /// <summary>The apology slips of every agency that ran late, oldest first (each moved the appointment date).</summary>
    public IReadOnlyList<ApologyNotice> Apologies { get; init; } = [];
    /// <summary>The NGO's rating of the service (1–5), once the result is out.</summary>
    public int? Rating { get; init; }
    /// <summary>Why the intake officer refused to receive the dossier (từ chối tiếp nhận), once refused.</summary>
    public ReceiptRefusal? Refusal { get; init; }

    // The intake queue's fields, stored with the document so the queue is queried in the database (IntakeQueue).
    public string? QueueNgo => NgoName;
    public string? QueueAidKind => Content?.Kind.ToString();
    public WorkStage? QueueStage => Stage == DossierStage.IntakeCheck && Intake is not null && Content is not null ? WorkStage.IntakeCheck : null;
    public DateOnly? QueueDue => QueueStage is null ? null : Intake!.DueDate;
    public string QueueSearch => Searchable.Of(ReceiptCode, NgoName, Content?.Title);

    public static Dossier Create(DossierSubmitted e) => new()
    {
        Id = e.DossierId, NgoId = e.NgoId, NgoName = e.NgoName, NgoCountry = e.NgoCountry, CatalogueEntryId = e.CatalogueEntryId,
        Content = e.Content, ReceiptCode = e.ReceiptCode,
        ReceiptDate = e.ReceiptDate, AppointmentDate = e.AppointmentDate, LookupSecretHash = e.LookupSecretHash,
        Stage = DossierStage.IntakeCheck, Intake = new StageClock(e.ReceiptDate, e.IntakeDueDate),
        Timeline = [new TimelineStep(e.SubmittedAt, DossierStep.Submitted, RegistrationService.Agency)],
    };

    /// <summary>History that starts at acceptance (imported from before this service): no intake details.</summary>
    public static Dossier Create(DossierAccepted e) => new Dossier
    {
        Id = e.DossierId, NgoId = e.NgoId, NgoName = e.NgoName ?? "", NgoCountry = e.NgoCountry, ReceiptCode = e.ReceiptCode,
        CatalogueEntryId = e.CatalogueEntryId,
        ReceiptDate = e.AcceptedAt.VietnamDate(), AppointmentDate = e.AppointmentDate ?? e.AcceptedAt.VietnamDate(),
    }.Apply(e);

    public bool Has(DossierStep step) => Timeline.Any(s => s.Step == step);

    public Dossier Apply(SupplementRequested e) => this with
    {
        Stage = DossierStage.SupplementRequested, SupplementRequestedOn = e.RequestedOn, MissingItems = e.MissingItems,
        SupplementAnswerBy = e.AnswerBy,
        SupplementRequests = SupplementRequests + 1,
        Timeline = [.. Timeline, new TimelineStep(e.RequestedAt, DossierStep.SupplementRequested, RegistrationService.Agency)],
    };

    public Dossier Apply(DossierResubmitted e) => this with
    {
        Stage = DossierStage.IntakeCheck, SupplementRequestedOn = null, MissingItems = [], SupplementAnswerBy = null,
        StoppedWorkingDays = StoppedWorkingDays + e.StoppedWorkingDays,
        Content = Content is null ? null : Content with { Documents = [.. Content.Documents, .. e.AddedDocuments] },
        Intake = Intake is null ? null : Intake with { DueDate = e.IntakeDueDate },
        AppointmentDate = e.AppointmentDate,
        Timeline = [.. Timeline, new TimelineStep(e.ResubmittedAt, DossierStep.Resubmitted, Aid.Domain.Province.Agencies.Ngo.Code)],
    };

    public Dossier Apply(DocumentUploaded e) => this with
    {
        UploadedDocuments = [.. UploadedDocuments, new StoredDocument(e.DocumentId, e.Kind, e.Name, e.ContentType, e.SizeBytes, e.Sha256)],
    };

    public Dossier Apply(DossierAccepted e) => this with
    {
        Stage = DossierStage.SecurityCheck,
        Intake = Intake is null ? null : Intake with { EndedOn = e.AcceptedOn, OnTime = e.IntakeOnTime },
        CurrentStageDueDate = null,
        Timeline = [.. Timeline, new TimelineStep(e.AcceptedAt, DossierStep.Accepted, RegistrationService.Agency)],
    };

    public Dossier Apply(DossierReceiptRefused e) => this with
    {
        Stage = DossierStage.ReceiptRefused,
        Refusal = new ReceiptRefusal(e.Reason, e.RefusedBy, e.RefusedOn),
        Intake = Intake is null ? null : Intake with { EndedOn = e.RefusedOn, OnTime = e.RefusedOn <= Intake.OriginalDueDate },
        Timeline = [.. Timeline, new TimelineStep(e.RefusedAt, DossierStep.ReceiptRefused, RegistrationService.Agency)],
    };

    public Dossier Apply(DossierWithdrawn e) => this with
    {
        Stage = DossierStage.Withdrawn,
        Intake = Intake is { EndedOn: null } ? Intake with { EndedOn = e.WithdrawnAt.VietnamDate() } : Intake,
        Timeline = [.. Timeline, new TimelineStep(e.WithdrawnAt, DossierStep.Withdrawn, Aid.Domain.Province.Agencies.Ngo.Code)],
    };

    public Dossier Apply(Ratings.ServiceRated e) => this with { Rating = e.Score };

    public Dossier Apply(StageBecameOverdue e) => this with
    {
        Intake = Intake is null ? null : Intake with { OverdueFlagged = true },
    };

    /// <summary>Sở Ngoại vụ's own slip: the intake due date and the appointment date move.</summary>
    public Dossier Apply(IntakeApologySlipIssued e) => this with
    {
        Intake = Intake is null ? null : Intake with
        {
            DueDate = e.Slip.NewDueDate, DueDateBeforeApology = Intake.OriginalDueDate, OverdueFlagged = false,
        },
        AppointmentDate = e.AppointmentDate,
        Apologies = [.. Apologies, new ApologyNotice(PublicStages.IntakeCheck, RegistrationService.Agency, e.Slip.FormerDueDate,
            e.Slip.NewDueDate, e.WorkingDaysMoved, e.Slip.Reason, e.Slip.SignedBy, e.Slip.IssuedAt)],
        Timeline = [.. Timeline, new TimelineStep(e.Slip.IssuedAt, DossierStep.ApologyIssued, RegistrationService.Agency)],
    };

    /// <summary>Another agency's slip: its stage's due date (while it holds the dossier) and the appointment date move.</summary>
    public Dossier Apply(ApologyReceived e) => this with
    {
        CurrentStageDueDate = PublicStages.IsCurrent(Stage, e.Stage) ? e.NewDueDate : CurrentStageDueDate,
        AppointmentDate = e.AppointmentDate,
        Apologies = [.. Apologies, new ApologyNotice(e.Stage, e.AgencyCode, e.FormerDueDate, e.NewDueDate, e.WorkingDaysMoved,
            e.Reason, e.SignedBy, e.At)],
        Timeline = Timeline.Append(new TimelineStep(e.At, DossierStep.ApologyIssued, e.AgencyCode)).OrderBy(s => s.At).ToList(),
    };

    public Dossier Apply(SecurityCheckConcluded e) =>
        Advance(DossierStage.Appraisal, null, new TimelineStep(e.At, DossierStep.SecurityConcluded, Agencies.Police.Code));

    public Dossier Apply(AppraisalStarted e) =>
        Advance(DossierStage.Appraisal, e.DueDate, new TimelineStep(e.At, DossierStep.AppraisalOpened, Agencies.Finance.Code));

    public Dossier Apply(AppraisalReportReceived e) =>
        Advance(DossierStage.Decision, e.DecisionDueDate, new TimelineStep(e.At, DossierStep.AppraisalReportIssued, Agencies.Finance.Code));

    public Dossier Apply(DecisionReceived e)
    {
        var (step, stage) = DossierSteps.Of(e);
        return Advance(stage, null, new TimelineStep(e.At, step, Agencies.PeoplesCommittee.Code)) with { Decided = true };
    }

    /// <summary>Monitoring knows the project; it stays approved, awaiting implementation, until Monitoring reports it started.</summary>
    public Dossier Apply(MonitoringStarted e) =>
        Advance(DossierStage.Approved, e.FirstReportDue, new TimelineStep(e.At, DossierStep.MonitoringStarted, Agencies.ForeignAffairs.Code));

    public Dossier Apply(ProjectStatusReceived e)
    {
        var (step, stage) = DossierSteps.Of(e);
        return Advance(stage, null, new TimelineStep(e.At, step, Agencies.ForeignAffairs.Code));
    }

    /// <summary>
    /// Messages from other agencies may arrive out of order: the stage only moves forward (a suspended project may
    /// resume), and a withdrawn or closed dossier stays so. The step is recorded in the timeline either way.
    /// </summary>
    private Dossier Advance(DossierStage next, DateOnly? dueDate, TimelineStep step)
    {
        var timeline = Timeline.Append(step).OrderBy(s => s.At).ToList();
        var reportedAt = LastReportedAt > step.At ? LastReportedAt : step.At;
        if (!MovesOn(Stage, next))
            return this with { Timeline = timeline, LastReportedAt = reportedAt };
        return this with { Stage = next, CurrentStageDueDate = dueDate, Timeline = timeline, LastReportedAt = reportedAt };
    }

    /// <summary>Whether a step reported by another agency moves the dossier from <paramref name="stage"/> to
    /// <paramref name="next"/> (see <see cref="Advance"/>); also the status view's rule.</summary>
    public static bool MovesOn(DossierStage stage, DossierStage next) =>
        stage is not (DossierStage.Withdrawn or DossierStage.Closed or DossierStage.ReceiptRefused) && Rank(next) >= Rank(stage);

    private static int Rank(DossierStage stage) => stage switch
    {
        DossierStage.IntakeCheck or DossierStage.SupplementRequested => 0,
        DossierStage.SecurityCheck => 1,
        DossierStage.Appraisal => 2,
        DossierStage.Decision => 3,
        DossierStage.Approved or DossierStage.Refused or DossierStage.ForwardedToPrimeMinister => 4,
        DossierStage.Implementing or DossierStage.Suspended => 5,
        DossierStage.Completed => 6,
        _ => 7,
    };
}
