using Aid.Appraisal.Deadlines;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Desks;
using Aid.ServiceDefaults.Desks;
using Aid.Contracts.Security;
using Aid.Domain.Calendar;

namespace Aid.Appraisal.Appraisals;

public sealed record OpinionRequest(string Department, DateOnly RequestedOn, DateOnly DueDate);

public sealed record StageApology(Stage Stage, Aid.Contracts.Desks.ApologySlip Slip);

public sealed record Decision(
    DecisionOutcome Outcome,
    DateOnly DecidedOn,
    string? DecisionNumber = null,
    DateOnly? DecisionDate = null,
    string? Signer = null,
    IReadOnlyList<string>? Conditions = null,
    string? Reasons = null);

/// <summary>
/// The appraisal and decision of one dossier; its stream id is the dossier id. It exists from the first of
/// DossierAccepted / SecurityReviewConcluded to arrive, and opens only once both have.
/// </summary>
public sealed record DossierAppraisal : IQueued
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string ReceiptCode { get; init; } = "";
    public AppraisalStatus Status { get; init; }
    public DossierSummary? Summary { get; init; }
    public AppraisalSecurityConclusion? Security { get; init; }
    /// <summary>The whole appraisal at Sở Tài chính: opening to report (opinions + appraisal working days).</summary>
    public StageClock? AppraisalStage { get; init; }
    /// <summary>Written opinions of other departments: first request to last opinion (or the report).</summary>
    public StageClock? OpinionsStage { get; init; }
    public StageClock? DecisionStage { get; init; }
    public IReadOnlyList<OpinionRequest> OpinionRequests { get; init; } = [];
    public IReadOnlyList<AppraisalOpinion> Opinions { get; init; } = [];
    public AppraisalReport? Report { get; init; }
    public string? SecurityOverrideReason { get; init; }
    public Decision? Decision { get; init; }
    public string? WithdrawalReason { get; init; }
    /// <summary>Set when UBND tỉnh forwarded the dossier; the Prime Minister's decision then replaces <see cref="Decision"/>.</summary>
    public DateOnly? ForwardedOn { get; init; }
    /// <summary>The date of the Prime Minister's decision document: the time from <see cref="ForwardedOn"/> to it is the
    /// Prime Minister's, counted apart from UBND tỉnh's decision stage (which ended at forwarding).</summary>
    public DateOnly? PrimeMinisterDecidedOn { get; init; }
    /// <summary>The Prime Minister's decision document (scan or PDF), once UBND tỉnh attached it.</summary>
    public PrimeMinisterDocumentFile? PrimeMinisterDocument { get; init; }
    /// <summary>The apology slips issued for the appraisal and decision stages, oldest first.</summary>
    public IReadOnlyList<StageApology> Apologies { get; init; } = [];

    /// <summary>The stage an agency works on now: an appraisal sits at its nearest running deadline (the opinions
    /// stage while opinions are awaited and due first).</summary>
    public (WorkStage Stage, StageClock Clock)? Waiting() => Summary is null ? null : Status switch
    {
        AppraisalStatus.Appraising when OpinionsStage is { IsRunning: true } opinions && opinions.DueDate < AppraisalStage!.DueDate
            => (WorkStage.Opinions, opinions),
        AppraisalStatus.Appraising when AppraisalStage is not null => (WorkStage.Appraisal, AppraisalStage),
        AppraisalStatus.AwaitingDecision when DecisionStage is not null => (WorkStage.Decision, DecisionStage),
        _ => null,
    };

    // The work queues' fields, stored with the document so the queues are queried in the database (AppraisalQueue, DecisionQueue).
    public string? QueueNgo => Summary?.NgoName;
    public string? QueueAidKind => Summary?.AidKind;
    public WorkStage? QueueStage => Waiting()?.Stage;
    public DateOnly? QueueDue => Waiting()?.Clock.DueDate;
    public string QueueSearch => Searchable.Of(ReceiptCode, Summary?.NgoName, Summary?.Title);

    public bool HasSecurityObjection => Security?.Verdict == SecurityVerdict.Objection;

    public IEnumerable<OpinionRequest> AwaitedOpinions =>
        OpinionRequests.Where(r => Opinions.All(o => o.Department != r.Department));

    private static DossierAppraisal New(Guid id, string receiptCode) => new() { Id = id, ReceiptCode = receiptCode };

    public static DossierAppraisal Create(DossierSummaryReceived e) => New(e.DossierId, e.ReceiptCode).Apply(e);
    public static DossierAppraisal Create(SecurityConclusionReceived e) => New(e.DossierId, e.ReceiptCode).Apply(e);
    public static DossierAppraisal Create(AppraisalClosedByWithdrawal e) => New(e.DossierId, e.ReceiptCode).Apply(e);

    public DossierAppraisal Apply(DossierSummaryReceived e) => this with { Summary = e.Summary };

    public DossierAppraisal Apply(SecurityConclusionReceived e) =>
        this with { Security = new AppraisalSecurityConclusion(e.Verdict, e.PublicConditions) };

    public DossierAppraisal Apply(AppraisalOpened e) =>
        this with { Status = AppraisalStatus.Appraising, AppraisalStage = new StageClock(e.OpenedOn, e.DueDate) };

    public DossierAppraisal Apply(OpinionsRequested e) => this with
    {
        OpinionRequests = [.. OpinionRequests, .. e.Departments.Select(d => new OpinionRequest(d, e.RequestedOn, e.DueDate))],
        // A later request reopens the stage and pushes its due date to the latest department's.
        OpinionsStage = OpinionsStage is null
            ? new StageClock(e.RequestedOn, e.DueDate)
            : OpinionsStage with { EndedOn = null, DueDate = Later(OpinionsStage.DueDate, e.DueDate) },
    };

    public DossierAppraisal Apply(OpinionRecorded e)
    {
        var next = this with { Opinions = [.. Opinions, new AppraisalOpinion(e.Department, e.OpinionDate, e.Text, e.Stance, e.RecordedOn)] };
        return next.AwaitedOpinions.Any() ? next : next with { OpinionsStage = next.OpinionsStage?.End(e.RecordedOn) };
    }

    public DossierAppraisal Apply(AppraisalReportIssued e) => this with
    {
        Status = AppraisalStatus.AwaitingDecision,
        Report = new AppraisalReport(e.Recommendation, e.Conditions, e.Reasons, e.IssuedOn),
        AppraisalStage = AppraisalStage?.End(e.IssuedOn),
        OpinionsStage = OpinionsStage?.End(e.IssuedOn),
        DecisionStage = new StageClock(e.IssuedOn, e.DecisionDueDate),
    };

    public DossierAppraisal Apply(SecurityObjectionOverridden e) => this with { SecurityOverrideReason = e.Reason };

    public DossierAppraisal Apply(DossierApproved e) => Decided(new Decision(
        DecisionOutcome.Approved, e.DecidedOn, e.DecisionNumber, e.DecisionDate, e.Signer, e.Conditions));

    public DossierAppraisal Apply(DossierRefused e) => Decided(new Decision(DecisionOutcome.Refused, e.DecidedOn, Reasons: e.Reasons));

    public DossierAppraisal Apply(DossierForwardedToPrimeMinister e) =>
        Decided(new Decision(DecisionOutcome.ForwardedToPrimeMinister, e.ForwardedOn, Reasons: e.Grounds)) with { ForwardedOn = e.ForwardedOn };

    public DossierAppraisal Apply(PrimeMinisterDecisionRecorded e) => this with
    {
        Decision = new Decision(e.Outcome, e.RecordedOn, e.DocumentNumber, e.DocumentDate, Decisions.PrimeMinisterDecision.Signer, e.Conditions, e.Reasons),
        PrimeMinisterDecidedOn = e.DocumentDate,
    };

    public DossierAppraisal Apply(PrimeMinisterDocumentAttached e) => this with
    {
        PrimeMinisterDocument = new PrimeMinisterDocumentFile(e.DocumentId, e.Name, e.ContentType, e.SizeBytes, e.Sha256, e.AttachedAt),
    };

    /// <summary>Forwarded, and the Prime Minister's decision not yet recorded.</summary>
    public bool AwaitsPrimeMinister => Decision?.Outcome == DecisionOutcome.ForwardedToPrimeMinister;

    public DossierAppraisal Apply(StageBecameOverdue e) => e.Stage switch
    {
        Stage.Opinions => this with { OpinionsStage = OpinionsStage! with { OverdueFlagged = true } },
        Stage.Appraisal => this with { AppraisalStage = AppraisalStage! with { OverdueFlagged = true } },
        _ => this with { DecisionStage = DecisionStage! with { OverdueFlagged = true } },
    };

    public DossierAppraisal Apply(ApologySlipIssued e) => (e.Stage == Stage.Decision
        ? this with { DecisionStage = DecisionStage!.Apologised(e.Slip.NewDueDate) }
        : this with { AppraisalStage = AppraisalStage!.Apologised(e.Slip.NewDueDate) }) with
    {
        Apologies = [.. Apologies, new StageApology(e.Stage, e.Slip)],
    };

    public DossierAppraisal Apply(AppraisalClosedByWithdrawal e) => this with { Status = AppraisalStatus.Withdrawn, WithdrawalReason = e.Reason };

    private DossierAppraisal Decided(Decision decision) => this with
    {
        Status = AppraisalStatus.Decided,
        Decision = decision,
        DecisionStage = DecisionStage?.End(decision.DecidedOn),
    };

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>Applies decided events to a state, as Marten will when they are appended (for pure decisions).</summary>
    public static DossierAppraisal? After(DossierAppraisal? state, object @event) => (state, @event) switch
    {
        (null, DossierSummaryReceived e) => Create(e),
        (null, SecurityConclusionReceived e) => Create(e),
        (null, AppraisalClosedByWithdrawal e) => Create(e),
        (null, _) => null,
        (_, DossierSummaryReceived e) => state.Apply(e),
        (_, SecurityConclusionReceived e) => state.Apply(e),
        (_, AppraisalOpened e) => state.Apply(e),
        (_, OpinionsRequested e) => state.Apply(e),
        (_, OpinionRecorded e) => state.Apply(e),
        (_, AppraisalReportIssued e) => state.Apply(e),
        (_, SecurityObjectionOverridden e) => state.Apply(e),
        (_, DossierApproved e) => state.Apply(e),
        (_, DossierRefused e) => state.Apply(e),
        (_, DossierForwardedToPrimeMinister e) => state.Apply(e),
        (_, PrimeMinisterDecisionRecorded e) => state.Apply(e),
        (_, PrimeMinisterDocumentAttached e) => state.Apply(e),
        (_, StageBecameOverdue e) => state.Apply(e),
        (_, ApologySlipIssued e) => state.Apply(e),
        (_, AppraisalClosedByWithdrawal e) => state.Apply(e),
        _ => state,
    };
}
