using Aid.Contracts.Security;
using Aid.Registration.Dossiers;
using Aid.Security.Reviews;
using Aid.Domain.Apologies;
using Aid.Domain.Calendar;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Xunit;
using AppraisalClock = Aid.Appraisal.Deadlines.StageClock;

namespace Aid.UnitTests.CalendarTests;

/// <summary>The apology slip (Phiếu xin lỗi và hẹn lại ngày trả kết quả): the shared rule and each stage's use of it.</summary>
public sealed class ApologySlipTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.FromRows([]);
    private static readonly DateOnly Friday = new(2026, 11, 27);
    private static readonly DateOnly NextTuesday = new(2026, 12, 1);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7));

    private static IssueApology Apology(DateOnly today, int days = 3) => new("Chờ xác minh bổ sung.", days, "Cán bộ A", today, Now);

    [Fact]
    public void The_new_due_date_is_the_extra_working_days_after_the_day_of_issue()
    {
        var slip = Apology(NextTuesday).SlipFor(Friday, Calendar);
        Assert.Equal(Friday, slip.FormerDueDate);
        Assert.Equal(new DateOnly(2026, 12, 4), slip.NewDueDate);
        // Friday → Friday a week later: the date moved by five working days (the two overdue days and the three extra).
        Assert.Equal(5, IssueApology.WorkingDaysMoved(slip.FormerDueDate, slip.NewDueDate, Calendar));
    }

    [Fact]
    public void No_apology_on_or_before_the_due_date()
    {
        var refused = Assert.Throws<RuleViolation>(() => Apology(Friday).SlipFor(Friday, Calendar));
        Assert.Equal("not-overdue", refused.Code);
        Assert.Equal(409, refused.Status);
    }

    [Theory]
    [InlineData(null, 3, "reason")]
    [InlineData("  ", 3, "reason")]
    [InlineData("Lý do", null, "extraWorkingDays")]
    [InlineData("Lý do", 0, "extraWorkingDays")]
    [InlineData("Lý do", IssueApology.MaxExtraWorkingDays + 1, "extraWorkingDays")]
    public void A_reason_and_from_1_to_30_extra_working_days_are_required(string? reason, int? days, string field)
    {
        var actor = new Actor("u", "Cán bộ A", Roles.SecurityOfficer, "CAT", null);
        var refused = Assert.Throws<InputRejected>(() => IssueApology.From(new IssueApologyRequest(reason, days), actor, TimeProvider.System));
        Assert.Contains(field, refused.Errors.Keys);
    }

    [Fact]
    public void The_officer_signs_it()
    {
        var actor = new Actor("u", "Nguyễn Văn An", Roles.IntakeOfficer, "SNV", null);
        Assert.Equal("Nguyễn Văn An", IssueApology.From(new IssueApologyRequest("Lý do", 2), actor, TimeProvider.System).SignedBy);
    }

    [Fact]
    public void A_security_review_moves_its_due_date_and_stays_late_when_concluded_before_the_new_one()
    {
        var review = SecurityReview.Create(new SecurityReviewOpened(Guid.NewGuid(), "SNV-20261113-001", Guid.NewGuid(), "NGO", "T",
            "Project", [], null, ReviewTrack.Standard, [], Now, new DateOnly(2026, 11, 13), Friday))
            .Apply(new OfficersAssigned(Guid.Empty, ["a"], Now))
            .Apply(new SecurityReviewBecameOverdue(Guid.Empty, Friday, new DateOnly(2026, 11, 30)));
        var issued = (SecurityApologySlipIssued)IssueApologySlip.Decide(Apology(NextTuesday), review, Calendar).Single();
        var apologised = review.Apply(issued);
        Assert.Equal(new DateOnly(2026, 12, 4), apologised.DueOn);
        Assert.False(apologised.FlaggedOverdue);
        Assert.Equal(Friday, apologised.OriginalDueOn);

        var concluded = (ReviewConcluded)ConcludeReview.Decide(
            new ConcludeReview(Aid.Contracts.Security.SecurityVerdict.Cleared, [], null, Now, NextTuesday.AddDays(1)), apologised).Single();
        Assert.False(concluded.OnTime);
        Assert.Equal(Friday, concluded.DueDate);

        // Not overdue again until the new date has passed; then a second slip may follow.
        Assert.Throws<RuleViolation>(() => IssueApologySlip.Decide(Apology(new DateOnly(2026, 12, 4)), apologised, Calendar));
        var second = (SecurityApologySlipIssued)IssueApologySlip.Decide(Apology(new DateOnly(2026, 12, 7)), apologised, Calendar).Single();
        Assert.Equal(new DateOnly(2026, 12, 4), second.Slip.FormerDueDate);
        Assert.Equal(Friday, apologised.Apply(second).OriginalDueOn);
    }

    [Fact]
    public void The_intake_slip_moves_the_intake_due_date_and_the_appointment_date_by_the_same_working_days()
    {
        var dossier = new Dossier
        {
            Id = Guid.NewGuid(), ReceiptCode = "SNV-20261124-001", Stage = DossierStage.IntakeCheck,
            Intake = new StageClock(new DateOnly(2026, 11, 24), Friday), AppointmentDate = new DateOnly(2027, 1, 20),
        };
        var issued = (IntakeApologySlipIssued)IssueIntakeApology.Decide(Apology(NextTuesday), dossier, Calendar).Single();
        Assert.Equal(5, issued.WorkingDaysMoved);
        Assert.Equal(new DateOnly(2027, 1, 27), issued.AppointmentDate);
        var after = dossier.Apply(issued);
        Assert.Equal(new DateOnly(2026, 12, 4), after.Intake!.DueDate);
        Assert.Equal(Friday, after.Intake.OriginalDueDate);
        Assert.Equal(DossierStep.ApologyIssued, after.Timeline.Last().Step);
        Assert.Equal(PublicStages.IntakeCheck, Assert.Single(after.Apologies).Stage);

        var waiting = dossier with { Stage = DossierStage.SupplementRequested };
        Assert.Equal("wrong-stage", Assert.Throws<RuleViolation>(() =>
            IssueIntakeApology.Decide(Apology(NextTuesday), waiting, Calendar)).Code);
    }

    [Fact]
    public void Another_agencys_slip_moves_the_current_stage_due_date_and_the_appointment_date()
    {
        var dossier = new Dossier { Id = Guid.NewGuid(), Stage = DossierStage.Appraisal, CurrentStageDueDate = Friday, AppointmentDate = new DateOnly(2027, 1, 20) };
        var after = dossier.Apply(new ApologyReceived(dossier.Id, Guid.NewGuid(), PublicStages.Appraisal, "STC", Friday,
            new DateOnly(2026, 12, 4), 5, "Lý do", "Cán bộ B", new DateOnly(2027, 1, 27), Now));
        Assert.Equal(new DateOnly(2026, 12, 4), after.CurrentStageDueDate);
        Assert.Equal(new DateOnly(2027, 1, 27), after.AppointmentDate);
    }

    [Fact]
    public void An_appraisal_stage_apologised_for_ends_late_against_its_first_due_date()
    {
        var clock = new AppraisalClock(new DateOnly(2026, 11, 2), Friday, OverdueFlagged: true).Apologised(new DateOnly(2026, 12, 4));
        Assert.Equal(new DateOnly(2026, 12, 4), clock.DueDate);
        Assert.False(clock.OverdueFlagged);
        Assert.False(clock.End(new DateOnly(2026, 12, 3)).EndedOnTime);
        Assert.Equal(Friday, clock.Apologised(new DateOnly(2026, 12, 10)).OriginalDueDate);
    }
}

/// <summary>The Prime Minister's time, counted apart from UBND tỉnh's decision stage.</summary>
public sealed class PrimeMinisterFiguresTests
{
    [Fact]
    public void Forwarded_awaiting_and_decided_in_the_period_with_the_Prime_Ministers_working_days()
    {
        var calendar = WorkingCalendar.FromRows([]);
        var monday = new DateOnly(2026, 11, 2);
        var figures = Aid.Appraisal.Deadlines.PrimeMinisterTime.Compute(
        [
            (monday, monday.AddDays(14)),        // 10 working days
            (monday.AddDays(7), monday.AddDays(11)), // 4 working days
            (monday.AddDays(1), null),           // still awaiting
            (monday.AddDays(-60), monday.AddDays(-30)), // forwarded and decided before the period
        ], monday, monday.AddDays(27), calendar);
        Assert.Equal((3, 1, 2, 7.0), (figures.Forwarded, figures.Awaiting, figures.Decided, figures.AverageWorkingDays));
    }
}
