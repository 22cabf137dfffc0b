using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Deadlines;
using Aid.Appraisal.Decisions;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Documents;
using Aid.Domain.Rules;
using Xunit;
using DomainReportIssued = Aid.Appraisal.Appraisals.AppraisalReportIssued;
using DomainOpened = Aid.Appraisal.Appraisals.AppraisalOpened;

namespace Aid.UnitTests.AppraisalTests;

/// <summary>The pure decisions of the appraisal service, on states built from events.</summary>
public sealed class AppraisalDecisionTests
{
    // Monday 23 November 2026; weekends only (no holidays) keeps the arithmetic readable.
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly WorkingCalendar Calendar = WorkingCalendar.FromRows([]);
    private static readonly DeadlinePlanner Planner = new(Calendar, new StageDeadlines());
    private static readonly AppraisalOpening Opening = new(Monday, Calendar, new StageDeadlines());
    private static readonly Guid Id = Guid.NewGuid();

    private static EventMetadata Metadata() => new(Guid.NewGuid(), DateTimeOffset.UtcNow, "t", "SNV", null, null, "test", 1);

    private static DossierAccepted Accepted(IReadOnlyList<string>? areas = null, string aidKind = "Project", IReadOnlyList<string>? fields = null) =>
        new(Metadata(), Id, "SNV-1", Guid.NewGuid(), aidKind, areas ?? []) { Title = "Water", AmountVnd = 1_000m, Fields = fields ?? [] };

    private static SecurityReviewConcluded Concluded(SecurityVerdict verdict = SecurityVerdict.Cleared) =>
        new(Metadata(), Id, "SNV-1", verdict, []);

    private static DossierAppraisal Fold(DossierAppraisal? state, IEnumerable<object> events) =>
        events.Aggregate(state, DossierAppraisal.After)!;

    private static DossierAppraisal Open(SecurityVerdict verdict = SecurityVerdict.Cleared, IReadOnlyList<string>? areas = null,
        IReadOnlyList<string>? fields = null)
    {
        var state = Fold(null, RecordDossierSummary.Decide(Accepted(areas, fields: fields), null, Opening, DateTimeOffset.UtcNow));
        return Fold(state, RecordSecurityConclusion.Decide(Concluded(verdict), state, Opening, DateTimeOffset.UtcNow));
    }

    private static DossierAppraisal Reported(SecurityVerdict verdict = SecurityVerdict.Cleared, IReadOnlyList<string>? areas = null,
        IReadOnlyList<string>? fields = null)
    {
        var state = Open(verdict, areas, fields);
        state = Fold(state, RequestOpinions.Decide(new RequestOpinions(["Sở Ngoại vụ"], Monday), state, Planner));
        state = Fold(state, RecordOpinion.Decide(new RecordOpinion("Sở Ngoại vụ", Monday, "ok", OpinionStance.Supports, Monday), state));
        return Fold(state, IssueReport.Decide(new IssueReport(Recommendation.Approve, [], null, Monday), state, Planner));
    }

    private static ApproveDossier Approval(string? overrideReason = null) => new("1/QĐ", Monday, "Chủ tịch", ["c"], overrideReason, Monday);

    private static void Refused(string code, Action decide) => Assert.Equal(code, Assert.Throws<RuleViolation>(decide).Code);

    [Fact]
    public void Opens_only_when_both_the_summary_and_the_security_conclusion_are_known()
    {
        var summaryOnly = RecordDossierSummary.Decide(Accepted(), null, Opening, DateTimeOffset.UtcNow);
        Assert.IsType<DossierSummaryReceived>(Assert.Single(summaryOnly));

        var verdictOnly = RecordSecurityConclusion.Decide(Concluded(), null, Opening, DateTimeOffset.UtcNow);
        var state = Fold(null, verdictOnly);
        Assert.Equal(AppraisalStatus.Pending, state.Status);

        var events = RecordDossierSummary.Decide(Accepted(), state, Opening, DateTimeOffset.UtcNow);
        var opened = Assert.IsType<DomainOpened>(events[^1]);
        // 10 + 20 working days from Monday 23 November: Monday 4 January 2027 (weekends only).
        Assert.Equal(new DateOnly(2027, 1, 4), opened.DueDate);
        Assert.Equal(AppraisalStatus.Appraising, Fold(state, events).Status);
    }

    [Fact]
    public void A_second_summary_or_verdict_changes_nothing()
    {
        var state = Open();
        Assert.Empty(RecordDossierSummary.Decide(Accepted(), state, Opening, DateTimeOffset.UtcNow));
        Assert.Empty(RecordSecurityConclusion.Decide(Concluded(SecurityVerdict.Objection), state, Opening, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void A_withdrawn_case_never_opens()
    {
        var withdrawn = Fold(null, CloseWhenDossierWithdrawn.Decide(new DossierWithdrawn(Metadata(), Id, "SNV-1", "r"), null, DateTimeOffset.UtcNow));
        var state = Fold(withdrawn, RecordDossierSummary.Decide(Accepted(), withdrawn, Opening, DateTimeOffset.UtcNow));
        var events = RecordSecurityConclusion.Decide(Concluded(), state, Opening, DateTimeOffset.UtcNow);
        Assert.DoesNotContain(events, e => e is DomainOpened);
        Assert.Equal(AppraisalStatus.Withdrawn, Fold(state, events).Status);
        Refused("dossier-withdrawn", () => RequestOpinions.Decide(new RequestOpinions(["A"], Monday), Fold(state, events), Planner));
    }

    [Fact]
    public void A_withdrawal_after_the_decision_changes_nothing()
    {
        var reported = Reported();
        var decided = Fold(reported, RefuseDossier.Decide(new RefuseDossier("r", Monday), reported));
        Assert.Empty(CloseWhenDossierWithdrawn.Decide(new DossierWithdrawn(Metadata(), Id, "SNV-1", "r"), decided, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void No_appraisal_command_before_opening()
    {
        var pending = Fold(null, RecordDossierSummary.Decide(Accepted(), null, Opening, DateTimeOffset.UtcNow));
        Refused("appraisal-not-open", () => RequestOpinions.Decide(new RequestOpinions(["A"], Monday), pending, Planner));
    }

    [Fact]
    public void Opinions_have_their_own_deadline_and_are_asked_once_per_department()
    {
        var state = Open();
        var requested = Assert.IsType<OpinionsRequested>(Assert.Single(RequestOpinions.Decide(new RequestOpinions(["Sở Ngoại vụ"], Monday), state, Planner)));
        Assert.Equal(new DateOnly(2026, 12, 7), requested.DueDate);
        state = Fold(state, [requested]);
        Refused("opinion-already-requested", () => RequestOpinions.Decide(new RequestOpinions(["SỞ NGOẠI VỤ"], Monday), state, Planner));
        Refused("opinion-not-requested", () => RecordOpinion.Decide(new RecordOpinion("Sở Y tế", Monday, "x", OpinionStance.Supports, Monday), state));
        Refused("opinion-before-request", () => RecordOpinion.Decide(new RecordOpinion("Sở Ngoại vụ", Monday.AddDays(-1), "x", OpinionStance.Objects, Monday), state));
        state = Fold(state, RecordOpinion.Decide(new RecordOpinion("Sở Ngoại vụ", Monday, "x", OpinionStance.Objects, Monday), state));
        Assert.Equal(Monday, state.OpinionsStage!.EndedOn);
        Refused("opinion-already-recorded", () => RecordOpinion.Decide(new RecordOpinion("Sở Ngoại vụ", Monday, "x", OpinionStance.Supports, Monday), state));
    }

    [Fact]
    public void The_report_waits_for_opinions_until_they_are_recorded_or_past_due()
    {
        var report = new IssueReport(Recommendation.Approve, [], null, Monday);
        var state = Open();
        Refused("opinions-not-requested", () => IssueReport.Decide(report, state, Planner));
        state = Fold(state, RequestOpinions.Decide(new RequestOpinions(["Sở Ngoại vụ"], Monday), state, Planner));
        var dueDate = state.OpinionRequests[0].DueDate;
        Refused("opinions-awaited", () => IssueReport.Decide(report with { Today = dueDate }, state, Planner));

        var issued = Assert.IsType<DomainReportIssued>(Assert.Single(
            IssueReport.Decide(report with { Today = dueDate.AddDays(1) }, state, Planner)));
        Assert.Equal(Calendar.AddWorkingDays(dueDate.AddDays(1), 5), issued.DecisionDueDate);
    }

    [Fact]
    public void Approval_needs_the_report_and_is_given_once()
    {
        Refused("report-not-issued", () => ApproveDossier.Decide(Approval(), Open()));
        var state = Reported();
        var events = ApproveDossier.Decide(Approval(), state);
        var approved = Assert.IsType<DossierApproved>(Assert.Single(events));
        Assert.Equal("Water", approved.Summary.Title);
        var decided = Fold(state, events);
        Assert.True(decided.DecisionStage!.EndedOnTime);
        Refused("already-decided", () => ApproveDossier.Decide(Approval(), decided));
        Refused("already-decided", () => RefuseDossier.Decide(new RefuseDossier("r", Monday), decided));
    }

    [Fact]
    public void Approval_cannot_predate_the_report()
    {
        var violation = Assert.Throws<RuleViolation>(() =>
            ApproveDossier.Decide(Approval() with { DecisionDate = Monday.AddDays(-1) }, Reported()));
        Assert.Equal(("decision-before-report", 422), (violation.Code, violation.Status));
    }

    [Fact]
    public void A_security_objection_needs_a_recorded_override_to_approve()
    {
        var state = Reported(SecurityVerdict.Objection);
        Refused("security-objection", () => ApproveDossier.Decide(Approval(), state));
        var events = ApproveDossier.Decide(Approval("Conditions accepted by the aid owner"), state);
        Assert.Equal("Conditions accepted by the aid owner", Assert.IsType<SecurityObjectionOverridden>(events[0]).Reason);
        Assert.IsType<DossierApproved>(events[1]);
        Refused("nothing-to-override", () => ApproveDossier.Decide(Approval("why"), Reported()));
        // Refusing needs no override.
        Assert.IsType<DossierRefused>(Assert.Single(RefuseDossier.Decide(new RefuseDossier("r", Monday), state)));
    }

    [Fact]
    public void Prime_Minister_matters_can_only_be_forwarded()
    {
        var state = Reported(areas: ["Religion"]);
        Refused("prime-minister-matter", () => ApproveDossier.Decide(Approval(), state));
        Refused("prime-minister-matter", () => RefuseDossier.Decide(new RefuseDossier("r", Monday), state));
        var forwarded = Assert.IsType<DossierForwardedToPrimeMinister>(Assert.Single(
            ForwardToPrimeMinister.Decide(new ForwardToPrimeMinister(null, Monday), state)));
        Assert.Contains("religion", forwarded.Grounds);
        Assert.Equal(DecisionOutcome.ForwardedToPrimeMinister, Fold(state, [forwarded]).Decision!.Outcome);
        Refused("not-prime-minister-matter", () => ForwardToPrimeMinister.Decide(new ForwardToPrimeMinister(null, Monday), Reported()));
    }

    [Fact]
    public void The_Prime_Ministers_decision_is_recorded_once_on_a_forwarded_dossier()
    {
        var state = Reported(areas: ["Religion"]);
        Refused("not-forwarded", () => PrimeMinisterDecision.Decide(PmApproval(Monday), state));
        state = Fold(state, ForwardToPrimeMinister.Decide(new ForwardToPrimeMinister(null, Monday), state));
        Assert.True(state.AwaitsPrimeMinister);
        Refused("decision-before-forwarding", () => PrimeMinisterDecision.Decide(PmApproval(Monday.AddDays(-1)), state));
        Refused("conditions-on-refusal", () => PrimeMinisterDecision.Decide(
            new PrimeMinisterDecision(DecisionOutcome.Refused, "1/TTg", Monday, ["c"], "r", Monday), state));

        var recorded = Assert.IsType<PrimeMinisterDecisionRecorded>(Assert.Single(PrimeMinisterDecision.Decide(PmApproval(Monday), state)));
        Assert.Equal((DecisionOutcome.Approved, "1520/TTg-QHQT"), (recorded.Outcome, recorded.DocumentNumber));
        Assert.Equal(["Báo cáo hằng năm"], recorded.Conditions);
        var decided = Fold(state, [recorded]);
        Assert.False(decided.AwaitsPrimeMinister);
        Assert.Equal((DecisionOutcome.Approved, PrimeMinisterDecision.Signer), (decided.Decision!.Outcome, decided.Decision.Signer));
        Assert.Equal(state.DecisionStage, decided.DecisionStage);
        Refused("not-forwarded", () => PrimeMinisterDecision.Decide(PmApproval(Monday), decided));
    }

    [Fact]
    public void The_Prime_Ministers_document_is_attached_to_a_forwarded_dossier_replaced_while_it_waits_kept_once_decided()
    {
        var state = Reported(areas: ["Religion"]);
        Refused("not-forwarded", () => AttachPrimeMinisterDocument.Decide(Scan("early.pdf"), state));
        state = Fold(state, ForwardToPrimeMinister.Decide(new ForwardToPrimeMinister(null, Monday), state));

        var attached = Assert.IsType<PrimeMinisterDocumentAttached>(Assert.Single(AttachPrimeMinisterDocument.Decide(Scan("first.pdf"), state)));
        Assert.Equal(("first.pdf", "application/pdf", 1234L), (attached.Name, attached.ContentType, attached.SizeBytes));
        state = Fold(state, [attached]);
        Assert.Equal("first.pdf", state.PrimeMinisterDocument!.Name);
        Assert.True(state.AwaitsPrimeMinister); // the document records no decision by itself
        // A wrong scan is replaced while the decision waits.
        state = Fold(state, AttachPrimeMinisterDocument.Decide(Scan("second.pdf"), state));
        Assert.Equal("second.pdf", state.PrimeMinisterDocument!.Name);

        state = Fold(state, PrimeMinisterDecision.Decide(PmApproval(Monday), state));
        Refused("decision-document-on-file", () => AttachPrimeMinisterDocument.Decide(Scan("third.pdf"), state));
        Assert.Equal("second.pdf", state.PrimeMinisterDocument!.Name);
    }

    [Fact]
    public void A_decision_recorded_without_its_document_takes_it_afterwards_once()
    {
        var state = Reported(areas: ["Religion"]);
        state = Fold(state, ForwardToPrimeMinister.Decide(new ForwardToPrimeMinister(null, Monday), state));
        state = Fold(state, PrimeMinisterDecision.Decide(PmApproval(Monday), state));
        Assert.Null(state.PrimeMinisterDocument);

        state = Fold(state, AttachPrimeMinisterDocument.Decide(Scan("late.pdf"), state));
        Assert.Equal("late.pdf", state.PrimeMinisterDocument!.Name);
        Refused("decision-document-on-file", () => AttachPrimeMinisterDocument.Decide(Scan("again.pdf"), state));
        // A province's own decision takes no Prime Minister's document.
        var local = Reported();
        local = Fold(local, ApproveDossier.Decide(Approval(), local));
        Refused("not-forwarded", () => AttachPrimeMinisterDocument.Decide(Scan("x.pdf"), local));
    }

    private static AttachPrimeMinisterDocument Scan(string name) =>
        new(new StoredFile(Guid.CreateVersion7(), name, "application/pdf", 1234, new string('a', 64)), DateTimeOffset.UtcNow);

    private static PrimeMinisterDecision PmApproval(DateOnly on) =>
        PrimeMinisterDecision.From(new(DecisionOutcome.Approved, " 1520/TTg-QHQT ", on, ["Báo cáo hằng năm"], null), Monday);

    [Theory]
    [InlineData(new[] { "Religion" }, new string[0], true)]
    [InlineData(new[] { "defenceborder" }, new string[0], true)]
    [InlineData(new[] { "Land", "Ethnicity" }, new[] { "Health" }, false)]
    // Words in the fields decide nothing: "food security" is not a Prime Minister matter.
    [InlineData(new string[0], new[] { "Food security", "An ninh lương thực" }, false)]
    [InlineData(new string[0], new[] { "Hỗ trợ quốc phòng" }, false)]
    public void Without_a_classification_only_the_ticked_areas_count(string[] areas, string[] fields, bool primeMinister)
    {
        var summary = new DossierSummary(Guid.NewGuid(), null, null, "Project", areas, fields, null, null, null, null, null);
        Assert.Equal(primeMinister, PrimeMinisterMatter.Grounds(summary) is not null);
    }

    [Fact]
    public void Intakes_classification_is_applied_as_given()
    {
        var religion = new DossierSummary(Guid.NewGuid(), null, null, "Project", ["Religion"], [], null, null, null, null, null);
        Assert.Null(PrimeMinisterMatter.Describe(religion with { Classification = new(false, []) { ChangeReason = "Chỉ sửa nhà văn hoá." } }));
        var security = religion with
        {
            SensitiveAreas = [], Classification = new(true, [Aid.Contracts.Registration.DossierClassification.SecurityDefenceAid]) { ChangeReason = "r" },
        };
        Assert.Equal("A Prime Minister matter: security or defence aid", PrimeMinisterMatter.Describe(security)!.En);
    }

    [Fact]
    public void Each_stage_is_flagged_overdue_once_the_day_after_its_due_date()
    {
        var state = Open();
        state = Fold(state, RequestOpinions.Decide(new RequestOpinions(["Sở Ngoại vụ"], Monday), state, Planner));
        Assert.Empty(FlagOverdueStages.Decide(state, state.OpinionsStage!.DueDate));

        var flagged = FlagOverdueStages.Decide(state, state.OpinionsStage.DueDate.AddDays(1));
        Assert.Equal(Stage.Opinions, Assert.IsType<StageBecameOverdue>(Assert.Single(flagged)).Stage);
        state = Fold(state, flagged);
        Assert.Empty(FlagOverdueStages.Decide(state, state.OpinionsStage!.DueDate.AddDays(2)));

        var late = state.AppraisalStage!.DueDate.AddDays(1);
        state = Fold(state, FlagOverdueStages.Decide(state, late));
        Assert.True(state.AppraisalStage!.OverdueFlagged);
        Assert.Empty(FlagOverdueStages.Decide(state, late.AddDays(10)));
    }
}
