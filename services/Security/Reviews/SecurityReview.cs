using Aid.Contracts.Desks;
using Aid.ServiceDefaults.Desks;
using Aid.Contracts.Security;
using Aid.Domain.Apologies;
using Aid.Domain.Rules;

namespace Aid.Security.Reviews;

/// <summary>
/// The security review of one dossier; its stream id is the dossier id. Holds no confidential text (findings and
/// objection reasons are in <see cref="ConfidentialFile"/>), so it can be shown to every reader of the service.
/// </summary>
public sealed record SecurityReview : IQueued
{
    public Guid Id { get; init; }
    public string ReceiptCode { get; init; } = "";
    public Guid NgoId { get; init; }
    public string? NgoName { get; init; }
    public string? Title { get; init; }
    public string AidKind { get; init; } = "";
    public IReadOnlyList<string> SensitiveAreas { get; init; } = [];
    public DateOnly? AppointmentDate { get; init; }
    public ReviewTrack Track { get; init; }
    public IReadOnlyList<string> ScreeningReasons { get; init; } = [];
    public ReviewStatus Status { get; init; }
    public IReadOnlyList<string> Officers { get; init; } = [];
    public IReadOnlyList<Guid> FindingIds { get; init; } = [];
    public DateTimeOffset OpenedAt { get; init; }
    public DateOnly StartedOn { get; init; }
    public DateOnly DueOn { get; init; }
    /// <summary>The due date before the first apology slip moved <see cref="DueOn"/>: on-time is judged against it.</summary>
    public DateOnly? DueOnBeforeApology { get; init; }
    /// <summary>The apology slips Công an tỉnh issued for running late, oldest first.</summary>
    public IReadOnlyList<ApologySlip> Apologies { get; init; } = [];
    public DateOnly? EndedOn { get; init; }
    public bool? OnTime { get; init; }
    public bool FlaggedOverdue { get; init; }
    public SecurityVerdict? Verdict { get; init; }
    public IReadOnlyList<string> PublicConditions { get; init; } = [];
    public long Version { get; set; }

    // The work queue's fields, stored with the document so the queue is queried in the database (WorkQueueEndpoint).
    public string? QueueNgo => NgoName;
    public string? QueueAidKind => AidKind;
    public WorkStage? QueueStage => Status == ReviewStatus.Open ? WorkStage.Security : null;
    public DateOnly? QueueDue => QueueStage is null ? null : DueOn;
    public string QueueSearch => Searchable.Of(ReceiptCode, NgoName, Title);

    public static SecurityReview Create(SecurityReviewOpened e) => new()
    {
        Id = e.DossierId, ReceiptCode = e.ReceiptCode, NgoId = e.NgoId, NgoName = e.NgoName, Title = e.Title,
        AidKind = e.AidKind, SensitiveAreas = e.SensitiveAreas, AppointmentDate = e.AppointmentDate, Track = e.Track,
        ScreeningReasons = e.ScreeningReasons, Status = ReviewStatus.Open, OpenedAt = e.OpenedAt,
        StartedOn = e.StartedOn, DueOn = e.DueOn,
    };

    public SecurityReview Apply(OfficersAssigned e) => this with { Officers = [.. Officers.Union(e.Officers)] };

    public SecurityReview Apply(FindingRecorded e) => this with { FindingIds = [.. FindingIds, e.FindingId] };

    public SecurityReview Apply(ReviewConcluded e) => this with
    {
        Status = ReviewStatus.Concluded, Verdict = e.Verdict, PublicConditions = e.PublicConditions,
        EndedOn = e.EndedOn, OnTime = e.OnTime,
    };

    public SecurityReview Apply(SecurityReviewClosedOnWithdrawal e) => this with
    {
        Status = ReviewStatus.Withdrawn, EndedOn = e.EndedOn,
    };

    public SecurityReview Apply(SecurityReviewBecameOverdue e) => this with { FlaggedOverdue = true };

    /// <summary>The due date moves to the slip's; the scan flags the review again if that date passes too.</summary>
    public SecurityReview Apply(SecurityApologySlipIssued e) => this with
    {
        DueOn = e.Slip.NewDueDate, DueOnBeforeApology = DueOnBeforeApology ?? e.Slip.FormerDueDate, FlaggedOverdue = false,
        Apologies = [.. Apologies, e.Slip],
    };

    /// <summary>The due date the review is judged against for on-time figures (the first one, whatever apologies followed).</summary>
    public DateOnly OriginalDueOn => DueOnBeforeApology ?? DueOn;

    /// <summary>Officers act only while the review is open (the dossier is at the security stage).</summary>
    public void EnsureOpen()
    {
        if (Status == ReviewStatus.Concluded)
            throw new RuleViolation("review-concluded", new Bilingual(
                "Thẩm tra an ninh đã có kết luận; không thể thay đổi.",
                "The security review is already concluded; it cannot be changed."));
        if (Status == ReviewStatus.Withdrawn)
            throw new RuleViolation("dossier-withdrawn", new Bilingual(
                "Hồ sơ đã được rút; thẩm tra an ninh đã đóng.",
                "The dossier was withdrawn; the security review is closed."));
    }
}
