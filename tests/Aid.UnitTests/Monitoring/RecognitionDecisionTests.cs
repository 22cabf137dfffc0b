using Aid.Contracts.Monitoring;
using Aid.Monitoring.Projects;
using Aid.Monitoring.Recognition;
using Aid.Domain.Rules;
using Xunit;

namespace Aid.UnitTests.Monitoring;

/// <summary>Recognition: the contribution record, the criteria, and the pure Decide functions of its commands.</summary>
public sealed class RecognitionDecisionTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid Ngo = Guid.NewGuid();

    private static MonitoredProject Project(decimal amountVnd, MonitoringStatus status, params ReportSlot[] reports) => new(
        Guid.NewGuid(), "SNV-20260101-001", Ngo, "T", amountVnd, new(2026, 1, 1), new(2027, 1, 1), "1/QĐ", new(2026, 1, 1), null, [],
        status, reports, [], [], new(2026, 7, 1), DateTimeOffset.UtcNow)
    {
        Summary = new ApprovedSummary { NgoName = "Save the Rivers" },
    };

    private static ReportSlot Report(DateOnly due, DateOnly? received = null, bool? onTime = null) =>
        new("k" + due, ReportKind.SixMonthly, due.AddMonths(-6), due, due, received, received is null ? null : "s", onTime);

    private static ContributionRecord Record(int completed = 2, decimal committed = 5e9m, decimal received = 3e9m, int due = 4,
        int onTime = 4, int nonCompliant = 0) =>
        new(Ngo, "Save the Rivers", 3, completed, committed, received, 0, due, onTime, 1, 0, nonCompliant);

    private static CommendationCriteria Criteria(decimal minCommitted = 1e9m, decimal minReceived = 1e9m, int minCompleted = 1,
        decimal minOnTime = 75m, bool noNonCompliant = true) =>
        CommendationCriteria.Create(new CommendationCriteriaSet(minCommitted, minReceived, minCompleted, minOnTime, noNonCompliant, "admin", DateTimeOffset.UtcNow));

    [Fact]
    public void The_record_sums_the_NGOs_projects_tranches_reports_and_verdicts()
    {
        var done = Project(2e9m, MonitoringStatus.Closed, Report(new(2026, 7, 31), new(2026, 7, 20), true), Report(new(2027, 1, 31))) with
        {
            Tranches = [new Tranche(Guid.NewGuid(), 1000m, "USD", new(2026, 2, 1), null) { AmountVnd = 25_000_000m },
                        new Tranche(Guid.NewGuid(), 10m, "EUR", new(2026, 2, 1), null)],
            Inspections = [new Inspection(Guid.NewGuid(), new(2026, 5, 1), ["A"], "f", ComplianceVerdict.NonCompliant)],
        };
        var running = Project(1e9m, MonitoringStatus.Implementing, Report(new(2026, 7, 31), new(2026, 8, 10), false), Report(new(2026, 10, 31)));

        var record = ContributionRecord.Of(Ngo, [done, running], Today);

        Assert.Equal(("Save the Rivers", 2, 1), (record.NgoName, record.Projects, record.CompletedProjects));
        Assert.Equal((3e9m, 25_000_000m, 1), (record.CommittedVnd, record.ReceivedVnd, record.TranchesWithoutVnd));
        // Due so far: the two received and the one overdue (2026-10-31); the 2027 report is not due yet.
        Assert.Equal((3, 1, 33.3m), (record.ReportsDue, record.ReportsOnTime, record.OnTimeReportPercent));
        Assert.Equal((0, 0, 1), (record.CompliantInspections, record.MinorIssueInspections, record.NonCompliantInspections));
    }

    [Fact]
    public void Each_criterion_falls_short_on_its_own()
    {
        Assert.Empty(Criteria().Unmet(Record()));
        Assert.Single(Criteria(minCommitted: 6e9m).Unmet(Record()));
        Assert.Single(Criteria(minReceived: 4e9m).Unmet(Record()));
        Assert.Single(Criteria(minCompleted: 3).Unmet(Record()));
        Assert.Single(Criteria().Unmet(Record(onTime: 2)));
        Assert.Single(Criteria().Unmet(Record(nonCompliant: 1)));
        Assert.Empty(Criteria(noNonCompliant: false).Unmet(Record(nonCompliant: 1)));
        // No report due yet: no rate, which meets only a minimum of 0.
        Assert.Single(Criteria().Unmet(Record(due: 0, onTime: 0)));
        Assert.Empty(Criteria(minOnTime: 0).Unmet(Record(due: 0, onTime: 0)));
        Assert.Equal(5, Criteria(6e9m, 4e9m, 3, 100m).Unmet(Record(onTime: 3, nonCompliant: 1)).Count);
    }

    [Fact]
    public void Setting_criteria_records_them_and_the_same_criteria_again_change_nothing()
    {
        var command = SetCommendationCriteria.From(new(1e9m, 0m, 1, 80m, true), "admin", DateTimeOffset.UtcNow);
        var set = Assert.IsType<CommendationCriteriaSet>(Assert.Single(SetCommendationCriteria.Decide(command, null)));
        Assert.Equal((1e9m, 0m, 1, 80m, true, "admin"),
            (set.MinCommittedVnd, set.MinReceivedVnd, set.MinCompletedProjects, set.MinOnTimeReportPercent, set.NoNonCompliantInspection, set.SetBy));
        Assert.Empty(SetCommendationCriteria.Decide(command, CommendationCriteria.Create(set)));
        Assert.Single(SetCommendationCriteria.Decide(command with { MinCompletedProjects = 2 }, CommendationCriteria.Create(set)));
    }

    [Fact]
    public void Criteria_out_of_range_are_refused_field_by_field()
    {
        var refused = Assert.Throws<InputRejected>(() => SetCommendationCriteria.From(new(-1m, null, -2, 101m, null), "admin", DateTimeOffset.UtcNow));
        Assert.Equal(["minCommittedVnd", "minReceivedVnd", "minCompletedProjects", "minOnTimeReportPercent", "noNonCompliantInspection"],
            refused.Errors.Keys);
    }

    private static readonly ProposeCommendation Proposal = new(Guid.NewGuid(), "Đóng góp nổi bật", "mobilisation.officer", Today);

    [Fact]
    public void An_NGO_meeting_the_criteria_is_proposed_with_its_record()
    {
        var proposed = Assert.IsType<CommendationProposed>(Assert.Single(ProposeCommendation.Decide(Proposal, Record(), Criteria(), null)));
        Assert.Equal((Ngo, "Đóng góp nổi bật", Today, "mobilisation.officer"), (proposed.NgoId, proposed.Reason, proposed.ProposedOn, proposed.ProposedBy));
        Assert.Equal(Record(), proposed.Record);
    }

    [Fact]
    public void No_proposal_without_criteria_below_them_or_while_one_is_pending()
    {
        Assert.Equal("no-criteria", Assert.Throws<RuleViolation>(() => ProposeCommendation.Decide(Proposal, Record(), null, null)).Code);
        Assert.Equal("criteria-not-met", Assert.Throws<RuleViolation>(() => ProposeCommendation.Decide(Proposal, Record(completed: 0), Criteria(), null)).Code);
        Assert.Throws<NotFound>(() => ProposeCommendation.Decide(Proposal, null, Criteria(), null));

        var pending = NgoCommendations.Create((CommendationProposed)ProposeCommendation.Decide(Proposal, Record(), Criteria(), null)[0]);
        Assert.Equal("proposal-pending", Assert.Throws<RuleViolation>(() => ProposeCommendation.Decide(Proposal, Record(), Criteria(), pending)).Code);

        var decided = pending.Apply((CommendationDecided)DecideCommendation.Decide(
            new(CommendationOutcome.NotCommended, null, "Chưa đủ", "decision.maker", Today), pending)[0]);
        Assert.Single(ProposeCommendation.Decide(Proposal, Record(), Criteria(), decided));
    }

    [Fact]
    public void The_decision_settles_the_pending_proposal_once()
    {
        var pending = NgoCommendations.Create((CommendationProposed)ProposeCommendation.Decide(Proposal, Record(), Criteria(), null)[0]);
        var command = DecideCommendation.From(new("Commended", " 12/QĐ-UBND ", null), "decision.maker", Today);
        var decided = Assert.IsType<CommendationDecided>(Assert.Single(DecideCommendation.Decide(command, pending)));
        Assert.Equal((Proposal.ProposalId, CommendationOutcome.Commended, "12/QĐ-UBND"), (decided.ProposalId, decided.Outcome, decided.DecisionNumber));

        var after = pending.Apply(decided);
        Assert.Null(after.Pending);
        Assert.Equal("no-pending-proposal", Assert.Throws<RuleViolation>(() => DecideCommendation.Decide(command, after)).Code);
    }

    [Fact]
    public void A_commendation_needs_a_decision_number_and_a_refusal_a_note()
    {
        Assert.Equal(["decisionNumber"], Assert.Throws<InputRejected>(() => DecideCommendation.From(new("Commended", null, null), "d", Today)).Errors.Keys);
        Assert.Equal(["note"], Assert.Throws<InputRejected>(() => DecideCommendation.From(new("NotCommended", null, " "), "d", Today)).Errors.Keys);
        Assert.Equal(["outcome"], Assert.Throws<InputRejected>(() => DecideCommendation.From(new("Maybe", null, null), "d", Today)).Errors.Keys);
    }
}
