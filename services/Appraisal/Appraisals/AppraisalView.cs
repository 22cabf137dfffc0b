using Aid.Contracts.Desks;
using Aid.Appraisal.Deadlines;
using Aid.Appraisal.Decisions;
using Aid.Contracts.Appraisal;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Appraisal.Appraisals;

public sealed record StageView(
    DateOnly StartedOn, DateOnly DueDate, DateOnly? EndedOn, bool? EndedOnTime, bool OverdueFlagged,
    int? WorkingDaysLeft, DeadlineFlag? Flag, Bilingual? FlagLabel);

public sealed record OpinionRequestView(string Department, DateOnly RequestedOn, DateOnly DueDate, Opinion? Opinion);

/// <summary>The appraisal of one dossier as appraisers, decision-makers and auditors read it.</summary>
public sealed record AppraisalView(
    Guid DossierId,
    string ReceiptCode,
    long Version,
    AppraisalStatus Status,
    Bilingual StatusLabel,
    DossierSummary? Summary,
    SecurityConclusion? Security,
    Bilingual? PrimeMinisterGrounds,
    StageView? AppraisalStage,
    StageView? OpinionsStage,
    StageView? DecisionStage,
    IReadOnlyList<OpinionRequestView> Opinions,
    Report? Report,
    string? SecurityOverrideReason,
    Decision? Decision,
    string? WithdrawalReason)
{
    /// <summary>The apology slips issued for the appraisal and decision stages, oldest first.</summary>
    public IReadOnlyList<StageApology> Apologies { get; init; } = [];

    /// <summary>The Prime Minister's decision document, once attached (downloaded from /decisions/{id}/prime-minister-document).</summary>
    public DecisionDocument? PrimeMinisterDocument { get; init; }

    /// <summary>Whether UBND tỉnh may attach the Prime Minister's decision document now (the rule of <see cref="AttachPrimeMinisterDocument"/>).</summary>
    public bool TakesPrimeMinisterDocument { get; init; }

    public static AppraisalView Of(DossierAppraisal a, DateOnly today, WorkingCalendar calendar) => new(
        a.Id, a.ReceiptCode, a.Version, a.Status, LabelOf(a),
        a.Summary, a.Security, a.Summary is null ? null : PrimeMinisterMatter.Describe(a.Summary),
        Stage(a.AppraisalStage, today, calendar), Stage(a.OpinionsStage, today, calendar), Stage(a.DecisionStage, today, calendar),
        a.OpinionRequests.Select(r => new OpinionRequestView(r.Department, r.RequestedOn, r.DueDate,
            a.Opinions.FirstOrDefault(o => o.Department == r.Department))).ToList(),
        // A forwarding's recorded reasons are its grounds, shown in both languages above.
        a.Report, a.SecurityOverrideReason, a.AwaitsPrimeMinister ? a.Decision! with { Reasons = null } : a.Decision, a.WithdrawalReason)
    {
        Apologies = a.Apologies,
        PrimeMinisterDocument = a.PrimeMinisterDocument,
        TakesPrimeMinisterDocument = AttachPrimeMinisterDocument.Refusal(a) is null,
    };

    private static StageView? Stage(StageClock? clock, DateOnly today, WorkingCalendar calendar)
    {
        if (clock is null) return null;
        var flag = clock.IsRunning ? DeadlineFlags.Of(clock, today, calendar) : (DeadlineFlag?)null;
        return new StageView(clock.StartedOn, clock.DueDate, clock.EndedOn, clock.EndedOnTime, clock.OverdueFlagged,
            clock.IsRunning ? clock.WorkingDaysLeft(today, calendar) : null, flag, flag is { } f ? DeadlineFlags.Label(f) : null);
    }

    public static Bilingual LabelOf(DossierAppraisal a) => a.Status switch
    {
        AppraisalStatus.Pending => new("Chờ kết luận an ninh", "Waiting for the security conclusion"),
        AppraisalStatus.Appraising => new("Đang thẩm định tại Sở Tài chính", "Being appraised by the Department of Finance"),
        AppraisalStatus.AwaitingDecision => new("Chờ quyết định của UBND tỉnh", "Waiting for the decision of the Provincial People's Committee"),
        AppraisalStatus.Withdrawn => new("Tổ chức đã rút hồ sơ", "Withdrawn by the NGO"),
        _ => (a.Decision?.Outcome, a.ForwardedOn is not null) switch
        {
            (DecisionOutcome.Approved, true) => new("Thủ tướng Chính phủ đã phê duyệt", "Approved by the Prime Minister"),
            (DecisionOutcome.Refused, true) => new("Thủ tướng Chính phủ không phê duyệt", "Refused by the Prime Minister"),
            (DecisionOutcome.Approved, _) => new("Đã phê duyệt", "Approved"),
            (DecisionOutcome.Refused, _) => new("Không phê duyệt", "Refused"),
            _ => new("Đã chuyển Thủ tướng Chính phủ quyết định", "Forwarded to the Prime Minister"),
        },
    };

    public static async Task<Ok<AppraisalView>> Handle(
        Guid id, IQuerySession session, TimeProvider time, DeadlinePlanner planner, CancellationToken cancellationToken)
    {
        var appraisal = await session.LoadAsync<DossierAppraisal>(id, cancellationToken) ?? throw new Aid.ServiceDefaults.Problems.NotFound("appraisal");
        return TypedResults.Ok(Of(appraisal, time.VietnamToday(), planner.Calendar));
    }
}
