using Aid.Contracts.Desks;
using Aid.Contracts.Security;
using Aid.Security.Reviews;
using Aid.Domain.Calendar;
using Aid.Domain.Rules;
using Xunit;

namespace Aid.UnitTests.SecurityReviews;

public sealed class ScreeningTests
{
    [Fact]
    public void No_sensitive_area_and_no_earlier_objection_is_standard() =>
        Assert.Equal(new ScreeningResult(ReviewTrack.Standard, []).Track, Screening.Screen([], false).Track);

    [Fact]
    public void A_sensitive_area_is_full_review_with_the_area_as_reason()
    {
        var result = Screening.Screen(["Religion", "Religion", " "], false);
        Assert.Equal(ReviewTrack.Full, result.Track);
        Assert.Equal(["sensitive-area:Religion"], result.Reasons);
    }

    [Fact]
    public void A_Prime_Minister_matter_classified_at_intake_is_full_review()
    {
        var result = Screening.Screen([], false, primeMinisterMatter: true);
        Assert.Equal(ReviewTrack.Full, result.Track);
        Assert.Equal([Screening.PrimeMinisterMatter], result.Reasons);
    }

    [Fact]
    public void An_earlier_objection_alone_is_full_review()
    {
        var result = Screening.Screen([], true);
        Assert.Equal(ReviewTrack.Full, result.Track);
        Assert.Equal([Screening.EarlierObjection], result.Reasons);
    }

    [Fact]
    public void Both_reasons_are_kept() =>
        Assert.Equal(["sensitive-area:Land", Screening.EarlierObjection], Screening.Screen(["Land"], true).Reasons);
}

public sealed class SecurityReviewDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Due = new(2026, 12, 7);

    private static SecurityReview Open(params string[] officers) => SecurityReview.Create(new SecurityReviewOpened(
        Guid.NewGuid(), "SNV-20261123-001", Guid.NewGuid(), "NGO", "Title", "Project", [], null, ReviewTrack.Standard, [],
        Now, new DateOnly(2026, 11, 23), Due)).Apply(new OfficersAssigned(Guid.Empty, officers, Now));

    private static ConcludeReview Conclusion(DateOnly today, SecurityVerdict verdict = SecurityVerdict.Cleared) =>
        new(verdict, verdict == SecurityVerdict.ClearedWithConditions ? ["c"] : [], "r", Now, today);

    [Fact]
    public void Assigning_adds_only_newcomers_and_nothing_when_all_are_there()
    {
        var review = Open("a");
        var events = AssignOfficers.Decide(new AssignOfficers(["a", "b"], Now), review);
        Assert.Equal(["b"], Assert.IsType<OfficersAssigned>(Assert.Single(events)).Officers);
        Assert.Empty(AssignOfficers.Decide(new AssignOfficers(["a"], Now), review));
    }

    [Fact]
    public void A_finding_needs_an_assigned_officer_and_is_recorded_once()
    {
        var command = new RecordFinding(Guid.NewGuid(), "text", FindingSeverity.High, "security.officer", Now);
        Assert.Equal("no-officer-assigned", Assert.Throws<RuleViolation>(() => RecordFinding.Decide(command, Open())).Code);

        var review = Open("a");
        var recorded = Assert.IsType<FindingRecorded>(Assert.Single(RecordFinding.Decide(command, review)));
        Assert.Empty(RecordFinding.Decide(command, review.Apply(recorded)));
    }

    [Theory]
    [InlineData("2026-12-07", true)]  // on the due date
    [InlineData("2026-12-08", false)] // the day after
    public void Concluding_records_whether_it_was_on_time(string today, bool onTime)
    {
        var e = Assert.IsType<ReviewConcluded>(Assert.Single(ConcludeReview.Decide(Conclusion(DateOnly.Parse(today)), Open("a"))));
        Assert.Equal(onTime, e.OnTime);
        Assert.Equal(DateOnly.Parse(today), e.EndedOn);
    }

    [Fact]
    public void Concluding_twice_or_after_withdrawal_is_refused_with_409()
    {
        var review = Open("a");
        var concluded = review.Apply(Assert.IsType<ReviewConcluded>(Assert.Single(ConcludeReview.Decide(Conclusion(Due), review))));
        var twice = Assert.Throws<RuleViolation>(() => ConcludeReview.Decide(Conclusion(Due), concluded));
        Assert.Equal(("review-concluded", 409), (twice.Code, twice.Status));

        var withdrawn = review.Apply(new SecurityReviewClosedOnWithdrawal(review.Id, "r", Now, Due));
        Assert.Equal("dossier-withdrawn", Assert.Throws<RuleViolation>(() => ConcludeReview.Decide(Conclusion(Due), withdrawn)).Code);
        Assert.Equal("dossier-withdrawn", Assert.Throws<RuleViolation>(() => AssignOfficers.Decide(new AssignOfficers(["x"], Now), withdrawn)).Code);
    }

    [Fact]
    public void Concluding_needs_an_assigned_officer() =>
        Assert.Equal("no-officer-assigned", Assert.Throws<RuleViolation>(() => ConcludeReview.Decide(Conclusion(Due), Open())).Code);

    [Fact]
    public void Overdue_is_flagged_once_only_after_the_due_date_and_only_while_open()
    {
        var review = Open("a");
        Assert.Empty(FlagOverdue.Decide(new FlagOverdue(Due), review));
        var flagged = Assert.IsType<SecurityReviewBecameOverdue>(Assert.Single(FlagOverdue.Decide(new FlagOverdue(Due.AddDays(1)), review)));
        Assert.Empty(FlagOverdue.Decide(new FlagOverdue(Due.AddDays(2)), review.Apply(flagged)));
        var concluded = review.Apply(Assert.IsType<ReviewConcluded>(Assert.Single(ConcludeReview.Decide(Conclusion(Due), review))));
        Assert.Empty(FlagOverdue.Decide(new FlagOverdue(Due.AddDays(5)), concluded));
    }
}

public sealed class ConclusionInputTests
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Theory]
    [InlineData(null, null, null, "verdict")]
    [InlineData("Maybe", null, null, "verdict")]
    [InlineData("1", null, null, "verdict")]
    [InlineData("ClearedWithConditions", null, null, "publicConditions")]
    [InlineData("Cleared", "x", null, "publicConditions")]
    [InlineData("Objection", null, " ", "reasons")]
    public void Refuses_naming_the_field(string? verdict, string? condition, string? reasons, string field)
    {
        var request = new ConcludeReviewRequest(verdict, condition is null ? null : [condition], reasons);
        var rejected = Assert.Throws<InputRejected>(() => ConcludeReview.From(request, Clock));
        Assert.Contains(field, rejected.Errors.Keys);
    }

    [Fact]
    public void Accepts_a_clearance_with_conditions_and_trims_them()
    {
        var command = ConcludeReview.From(new ConcludeReviewRequest("clearedwithconditions", [" Báo cáo hằng quý "], null), Clock);
        Assert.Equal(SecurityVerdict.ClearedWithConditions, command.Verdict);
        Assert.Equal(["Báo cáo hằng quý"], command.PublicConditions);
    }
}

public sealed class DeadlineAndStatisticsTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.FromRows([]);
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [InlineData(0, 10, DeadlineFlag.OnTime)]     // the start day: all 10 working days left
    [InlineData(11, 1, DeadlineFlag.NearlyDue)]  // Friday before the due Monday: 1 working day
    [InlineData(14, 0, DeadlineFlag.NearlyDue)]  // on the due date
    [InlineData(15, -1, DeadlineFlag.Overdue)]   // the day after
    public void Counts_working_days_left(int daysAfterStart, int left, DeadlineFlag flag)
    {
        var due = Calendar.AddWorkingDays(Monday, 10); // Monday 7 Dec
        var status = DeadlineStatus.Of(due, Monday.AddDays(daysAfterStart), Calendar);
        Assert.Equal((left, flag), (status.WorkingDaysLeft, status.Flag));
    }

    [Fact]
    public void Statistics_split_in_progress_and_completed_reviews()
    {
        SecurityReview Review(DateOnly started, DateOnly due, ReviewStatus status = ReviewStatus.Open, DateOnly? ended = null, bool? onTime = null) =>
            new() { Id = Guid.NewGuid(), StartedOn = started, DueOn = due, Status = status, EndedOn = ended, OnTime = onTime };
        var today = new DateOnly(2026, 11, 30);
        var reviews = new[]
        {
            Review(Monday, new DateOnly(2026, 12, 14)),                 // open, on time
            Review(Monday, new DateOnly(2026, 12, 1)),                  // open, nearly due
            Review(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 16)), // open, overdue (received before the period)
            Review(Monday, Monday, ReviewStatus.Concluded, Monday, true),
            Review(Monday, Monday, ReviewStatus.Concluded, today, false),
            Review(Monday, Monday, ReviewStatus.Withdrawn, today),
        };

        var s = ReviewStatisticsEndpoint.Compute(reviews, Monday, today, today, Calendar);

        Assert.Equal(5, s.Received);
        Assert.Equal(new InProgressCounts(1, 1, 1, 0, 3), s.InProgress);
        Assert.Equal(new CompletedCounts(1, 1, 2), s.Completed);
        Assert.Equal(1, s.Withdrawn);
        Assert.Equal(0.5, s.OnTimeRate);
        Assert.Equal("CAT", s.Agency);
    }
}
