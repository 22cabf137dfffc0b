using Aid.Registration.Dossiers;
using Aid.Registration.Ngos;
using Aid.Domain.Calendar;
using Aid.Domain.Rules;
using Xunit;

namespace Aid.UnitTests.RegistrationTests;

public sealed class DossierDecisionTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly WorkingCalendar Calendar = WorkingCalendar.FromRows([]);

    private static DossierContent Content(AidKind kind = AidKind.Project, params string[] documents) => new(
        kind, "Water", "UBND huyện", "Sở GD", ["Education"], ["Xã A"], new Budget(100, "USD", 25000, 2_500_000, 0),
        new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), "Water", "Pupils",
        (documents.Length == 0 ? ["ProjectDocument", "CommitmentLetter"] : documents)
            .Select(d => new DossierDocument(d, d + ".pdf", 1, new string('a', 64))).ToList(), [SensitiveArea.Land]);

    private static readonly Receipt Receipt = new("SNV-20261123-001", new DateOnly(2026, 11, 26), new DateOnly(2027, 1, 20), "HASH");

    private static Dossier Submitted(AidKind kind = AidKind.Project)
    {
        var ngo = NgoDecisionTests.Registered();
        var command = new SubmitDossier(Guid.NewGuid(), ngo.Id, Content(kind), Monday, Now);
        var dossier = Dossier.Create((DossierSubmitted)SubmitDossier.Decide(command, ngo, "DNA", Receipt)[0]);
        // The NGO's files of the declared documents arrived (the portal uploads them right after submitting).
        return dossier.Content!.Documents.Aggregate(dossier, (d, doc) => d.Apply(
            new DocumentUploaded(d.Id, Guid.NewGuid(), doc.Kind, doc.Name, "application/pdf", doc.SizeBytes, doc.Sha256, Now)));
    }

    [Fact]
    public void Intake_cannot_accept_while_a_declared_required_documents_file_never_arrived()
    {
        var ngo = NgoDecisionTests.Registered();
        var dossier = Dossier.Create((DossierSubmitted)SubmitDossier.Decide(
            new SubmitDossier(Guid.NewGuid(), ngo.Id, Content(AidKind.Project), Monday, Now), ngo, "DNA", Receipt)[0]);
        var refused = Assert.Throws<RuleViolation>(() => AcceptDossier.Decide(new AcceptDossier(Monday, Now), dossier));
        Assert.Equal("documents-not-uploaded", refused.Code);
        Assert.Contains("Thư cam kết của nhà tài trợ", refused.Text.Vi);
        Assert.Equal(2, RequiredDocuments.NotUploaded(dossier).Count);
    }

    [Fact]
    public void Refusing_to_receive_ends_the_dossier_with_the_reason()
    {
        var dossier = Submitted();
        var refused = (DossierReceiptRefused)Assert.Single(RefuseReceipt.Decide(
            new RefuseReceipt("Ngoài địa bàn.", "Nguyễn Văn An", Monday, Now), dossier));
        var after = dossier.Apply(refused);
        Assert.Equal((DossierStage.ReceiptRefused, "Ngoài địa bàn."), (after.Stage, after.Refusal?.Reason));
        Assert.Equal("wrong-stage", Assert.Throws<RuleViolation>(() => AcceptDossier.Decide(new AcceptDossier(Monday, Now), after)).Code);
        Assert.Equal("receipt-refused", Assert.Throws<RuleViolation>(() => WithdrawDossier.Decide(new WithdrawDossier("x", Now), after)).Code);
        // A late message from another agency does not reopen it.
        Assert.Equal(DossierStage.ReceiptRefused, after.Apply(new SecurityCheckConcluded(after.Id, Guid.NewGuid(), Now)).Stage);
    }

    [Fact]
    public void A_valid_submission_is_received_with_its_receipt()
    {
        var dossier = Submitted();
        Assert.Equal("SNV-20261123-001", dossier.ReceiptCode);
        Assert.Equal(DossierStage.IntakeCheck, dossier.Stage);
        Assert.Equal(new StageClock(Monday, new DateOnly(2026, 11, 26)), dossier.Intake);
        Assert.Equal(new DateOnly(2027, 1, 20), dossier.AppointmentDate);
    }

    [Fact]
    public void Every_refusal_reason_is_given_at_once()
    {
        var ngo = NgoDecisionTests.Registered(expiry: Monday.AddDays(-1));
        ngo = ngo.Apply(new NgoSuspended(ngo.Id, "audit", Now)) with { Profile = ngo.Profile with { Provinces = ["HCM"] } };
        var command = new SubmitDossier(Guid.NewGuid(), ngo.Id, Content(AidKind.Project, "CommitmentLetter"), Monday, Now);
        var refused = Assert.Throws<IntakeRefused>(() => SubmitDossier.Decide(command, ngo, "DNA", Receipt));
        Assert.Equal(422, refused.Status);
        Assert.Equal(4, refused.Reasons.Count);
        Assert.Contains(refused.Reasons, r => r.En.Contains("suspended"));
        Assert.Contains(refused.Reasons, r => r.En.Contains("expired"));
        Assert.Contains(refused.Reasons, r => r.En.Contains("province"));
        Assert.Contains(refused.Reasons, r => r.En.Contains("ProjectDocument"));
    }

    [Fact]
    public void An_unknown_or_revoked_NGO_is_refused_and_a_certificate_expiring_today_is_still_valid()
    {
        var command = new SubmitDossier(Guid.NewGuid(), Guid.NewGuid(), Content(), Monday, Now);
        Assert.Single(SubmitDossier.Refusals(command, null, "DNA"));
        var revoked = NgoDecisionTests.Registered().Apply(new NgoRevoked(Guid.NewGuid(), "x", Now));
        Assert.Single(SubmitDossier.Refusals(command, revoked, "DNA"));
        Assert.Empty(SubmitDossier.Refusals(command, NgoDecisionTests.Registered(expiry: Monday), "DNA"));
    }

    [Theory]
    [InlineData(AidKind.EmergencyRelief, new[] { "CommitmentLetter" }, 0)]
    [InlineData(AidKind.Project, new[] { "CommitmentLetter" }, 1)]
    [InlineData(AidKind.Programme, new[] { "ProjectDocument" }, 2)]
    [InlineData(AidKind.NonProjectAid, new[] { "GoodsList", "CommitmentLetter" }, 0)]
    public void Required_documents_depend_on_the_aid_kind(AidKind kind, string[] documents, int missing) =>
        Assert.Equal(missing, RequiredDocuments.MissingFrom(kind, Content(kind, documents).Documents).Count);

    [Fact]
    public void A_supplement_is_requested_once_and_resubmission_moves_the_dates_by_the_stopped_working_days()
    {
        var dossier = Submitted();
        var requested = dossier.Apply((SupplementRequested)RequestSupplement.Decide(
            new RequestSupplement(["Letter"], null, Monday, Now), dossier)[0]);
        Assert.Equal(DossierStage.SupplementRequested, requested.Stage);
        Assert.Throws<RuleViolation>(() => AcceptDossier.Decide(new AcceptDossier(Monday, Now), requested));

        // Requested on Monday, resubmitted on the following Monday: 5 working days stopped.
        var resubmitted = (DossierResubmitted)ResubmitDossier.Decide(
            new ResubmitDossier([new SupplementAnswer("Letter", null, "Sent by post")], null, Monday.AddDays(7), Now.AddDays(7)), requested, Calendar)[0];
        Assert.Equal(5, resubmitted.StoppedWorkingDays);
        Assert.Equal(new DateOnly(2026, 12, 3), resubmitted.IntakeDueDate);
        Assert.Equal(Calendar.AddWorkingDays(new DateOnly(2027, 1, 20), 5), resubmitted.AppointmentDate);

        var back = requested.Apply(resubmitted);
        Assert.Equal(DossierStage.IntakeCheck, back.Stage);
        Assert.Equal("supplement-already-requested", Assert.Throws<RuleViolation>(() =>
            RequestSupplement.Decide(new RequestSupplement(["More"], null, Monday, Now), back)).Code);
    }

    private static Dossier AskedFor(params string[] items)
    {
        var dossier = Submitted();
        return dossier.Apply((SupplementRequested)RequestSupplement.Decide(new RequestSupplement(items, null, Monday, Now), dossier)[0]);
    }

    private static IReadOnlyList<object> Resubmit(Dossier dossier, params SupplementAnswer[] answers) =>
        ResubmitDossier.Decide(new ResubmitDossier(answers, null, Monday, Now), dossier, Calendar);

    [Fact]
    public void A_resubmission_answers_every_item_asked_for_and_adds_the_answers_documents()
    {
        var budget = new DossierDocument("Budget", "budget.xlsx", 10, new string('b', 64));
        var resubmitted = (DossierResubmitted)Resubmit(AskedFor("Budget", "Letter"),
            new SupplementAnswer("Letter", null, "Sent by post"), new SupplementAnswer("Budget", budget, null))[0];
        Assert.Equal(["Letter", "Budget"], resubmitted.Answers.Select(a => a.Item));
        Assert.Equal([budget], resubmitted.AddedDocuments);
    }

    [Fact]
    public void A_resubmission_that_leaves_an_item_unanswered_is_refused_naming_the_item()
    {
        var refused = Assert.Throws<InputRejected>(() => Resubmit(AskedFor("Budget", "Letter"), new SupplementAnswer("Letter", null, "Sent")));
        var message = Assert.Single(Assert.Single(refused.Errors, e => e.Key == "answers").Value);
        Assert.Contains("«Budget»", message.En);
        Assert.Contains("«Budget»", message.Vi);
        Assert.Throws<InputRejected>(() => Resubmit(AskedFor("Budget")));
    }

    [Fact]
    public void An_answer_to_an_item_that_was_not_asked_for_is_refused()
    {
        var refused = Assert.Throws<InputRejected>(() => Resubmit(AskedFor("Budget"),
            new SupplementAnswer("Budget", null, "Attached"), new SupplementAnswer("Map", null, "Too")));
        Assert.Equal(["answers[1].item"], refused.Errors.Keys);
    }

    [Fact]
    public void Accepting_carries_the_public_summary_and_records_whether_intake_was_on_time()
    {
        var dossier = Submitted();
        var accepted = (DossierAccepted)AcceptDossier.Decide(new AcceptDossier(new DateOnly(2026, 11, 27), Now), dossier)[0];
        Assert.False(accepted.IntakeOnTime);
        Assert.Equal(["Land"], accepted.SensitiveAreas);
        Assert.Equal(2_500_000, accepted.AmountVnd);
        Assert.Equal(dossier.AppointmentDate, accepted.AppointmentDate);
        Assert.Equal((false, 0, null), (accepted.Classification!.PrimeMinisterMatter, accepted.Classification.Grounds.Count, accepted.Classification.ChangeReason));
        var after = dossier.Apply(accepted);
        Assert.Equal(DossierStage.SecurityCheck, after.Stage);
        Assert.Equal("wrong-stage", Assert.Throws<RuleViolation>(() => AcceptDossier.Decide(new AcceptDossier(Monday, Now), after)).Code);
    }

    [Fact]
    public void Withdrawal_is_possible_until_the_decision()
    {
        var dossier = Submitted();
        var atAppraisal = dossier.Apply(new SecurityCheckConcluded(dossier.Id, Guid.NewGuid(), Now));
        Assert.IsType<DossierWithdrawn>(Assert.Single(WithdrawDossier.Decide(new WithdrawDossier("no funds", Now), atAppraisal)));

        var decided = atAppraisal.Apply(new DecisionReceived(dossier.Id, Guid.NewGuid(), "Refused", null, null, Now));
        Assert.Equal("already-decided", Assert.Throws<RuleViolation>(() => WithdrawDossier.Decide(new WithdrawDossier("x", Now), decided)).Code);
        var withdrawn = dossier.Apply(new DossierWithdrawn(dossier.Id, dossier.ReceiptCode, "x", Now));
        Assert.Equal("already-withdrawn", Assert.Throws<RuleViolation>(() => WithdrawDossier.Decide(new WithdrawDossier("x", Now), withdrawn)).Code);
    }

    [Fact]
    public void Late_messages_from_other_agencies_never_move_the_stage_back()
    {
        var dossier = Submitted().Apply(new AppraisalReportReceived(Guid.Empty, Guid.NewGuid(), Monday, Now.AddHours(2)));
        var late = dossier.Apply(new AppraisalStarted(Guid.Empty, Guid.NewGuid(), Monday, Now.AddHours(1)));
        Assert.Equal(DossierStage.Decision, late.Stage);
        Assert.Equal([DossierStep.Submitted, DossierStep.AppraisalOpened, DossierStep.AppraisalReportIssued], late.Timeline.Select(s => s.Step));
        var suspended = late.Apply(new ProjectStatusReceived(Guid.Empty, Guid.NewGuid(), "Suspended", Now.AddHours(3)));
        Assert.Equal(DossierStage.Suspended, suspended.Stage);
        Assert.Equal(DossierStage.Implementing, suspended.Apply(new ProjectStatusReceived(Guid.Empty, Guid.NewGuid(), "Implementing", Now.AddHours(4))).Stage);
    }

    [Fact]
    public void An_approved_project_awaits_implementation_until_monitoring_reports_it_started()
    {
        var approved = Submitted().Apply(new DecisionReceived(Guid.Empty, Guid.NewGuid(), "Approved", "1/QĐ-UBND", Monday, Now.AddHours(1)));
        var monitored = approved.Apply(new MonitoringStarted(Guid.Empty, Guid.NewGuid(), Monday.AddMonths(6), Now.AddHours(2)));
        Assert.Equal(DossierStage.Approved, monitored.Stage);
        Assert.Equal("Approved, awaiting implementation", StageLabels.Of(monitored.Stage).En);
        var started = monitored.Apply(new ProjectStatusReceived(Guid.Empty, Guid.NewGuid(), "Implementing", Now.AddHours(3)));
        Assert.Equal(DossierStage.Implementing, started.Stage);
    }

    [Fact]
    public void Intake_classifies_the_ticked_areas_and_the_officer_may_change_it_with_a_reason()
    {
        Assert.Equal(["Religion"], Classification.Proposed([SensitiveArea.Land, SensitiveArea.Religion]).Grounds);
        Assert.True(Classification.Confirmed([SensitiveArea.Religion], null, null).PrimeMinisterMatter);
        Assert.True(Classification.Confirmed([SensitiveArea.Religion], true, null).PrimeMinisterMatter);
        var changed = Classification.Confirmed([SensitiveArea.Land], true, " Trang thiết bị cho lực lượng biên phòng. ");
        Assert.Equal((true, "Trang thiết bị cho lực lượng biên phòng."), (changed.PrimeMinisterMatter, changed.ChangeReason));
        Assert.Equal([Aid.Contracts.Registration.DossierClassification.SecurityDefenceAid], changed.Grounds);
        var refused = Assert.Throws<InputRejected>(() => Classification.Confirmed([SensitiveArea.Religion], false, " "));
        Assert.Equal(["classificationReason"], refused.Errors.Keys);
    }
}
