using Aid.Registration.Dossiers;
using Aid.Registration.Ratings;
using JasperFx.Events;
using Xunit;

namespace Aid.UnitTests.RegistrationTests;

/// <summary>The NGO status view folded from the dossier's events, one at a time as Marten applies them.</summary>
public sealed class DossierStatusProjectionTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly DossierSubmitted Submission = new(Id, Guid.NewGuid(), "CRW", new DossierContent(
            AidKind.Project, "Water", "UBND huyện", "Sở GD", ["Education"], ["Xã A"], new Budget(100, "USD", 25000, 2_500_000, 0),
            new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), "Water", "Pupils",
            [new DossierDocument("ProjectDocument", "plan.pdf", 1, new string('a', 64))], [SensitiveArea.Religion]),
        "SNV-20261123-001", Monday, Monday.AddDays(3), new DateOnly(2027, 1, 20), "HASH", Now);

    private static DossierStatus Fold(params object[] events)
    {
        var projection = new DossierStatusProjection();
        DossierStatus? status = null;
        for (var i = 0; i < events.Length; i++)
            status = projection.Evolve(status, Id, new Event<object>(events[i]) { Version = i + 1 });
        return status!;
    }

    private static DossierAccepted Acceptance => new(Id, Submission.ReceiptCode, Submission.NgoId, "Project", [], Now.AddHours(1))
    {
        AcceptedBy = "Nguyễn Văn A",
    };

    [Fact]
    public void Every_event_moves_the_version_even_one_the_ngo_does_not_read()
    {
        var status = Fold(Submission, new DocumentUploaded(Id, Guid.NewGuid(), "ProjectDocument", "plan.pdf", "application/pdf", 1, "x", Now),
            new ServiceRated(Id, Submission.ReceiptCode, Submission.NgoId, 5, null, Monday, Now));

        Assert.Equal(3, status.Version);
        Assert.Equal(5, status.Rating);
        Assert.Equal("IntakeCheck", status.Stage);
        Assert.Equal("SNV", status.HoldingAgency?.Code);
        Assert.Equal(Submission.IntakeDueDate, status.StageDueDate);
        Assert.True(status.SubmittedOnline);
        Assert.Equal(DecidedBy.PrimeMinister, status.ProposedDecidedBy);
        Assert.Equal("plan.pdf", Assert.Single(status.Documents).Name);
    }

    [Fact]
    public void A_supplement_opens_a_notice_and_the_resubmission_closes_it_with_the_new_dates()
    {
        var requested = Fold(Submission, new SupplementRequested(Id, ["Budget"], "Two years", Monday.AddDays(1), Now.AddHours(1))
        {
            AnswerBy = Monday.AddDays(10),
        });
        Assert.Equal("SupplementRequested", requested.Stage);
        Assert.Null(requested.StageDueDate);
        Assert.Equal(new SupplementNotice(Monday.AddDays(1), "Two years", Monday.AddDays(10)), requested.Supplement);

        var resubmitted = Fold(Submission, new SupplementRequested(Id, ["Budget"], null, Monday.AddDays(1), Now.AddHours(1)),
            new DossierResubmitted(Id, [new DossierDocument("Budget", "budget.xlsx", 1, "b")], null, Monday.AddDays(4), 2,
                Monday.AddDays(8), new DateOnly(2027, 1, 22), Now.AddDays(3)));
        Assert.Equal("IntakeCheck", resubmitted.Stage);
        Assert.Null(resubmitted.Supplement);
        Assert.Empty(resubmitted.MissingItems);
        Assert.Equal(Monday.AddDays(8), resubmitted.StageDueDate);
        Assert.Equal(new DateOnly(2027, 1, 22), resubmitted.AppointmentDate);
        Assert.Equal(["plan.pdf", "budget.xlsx"], resubmitted.Documents.Select(d => d.Name));
        Assert.Equal(["Submitted", "SupplementRequested", "Resubmitted"], resubmitted.Timeline.Select(s => s.Step));
    }

    [Fact]
    public void Steps_from_other_agencies_are_ordered_by_time_and_a_late_one_never_moves_the_stage_back()
    {
        var status = Fold(Submission, Acceptance,
            new AppraisalReportReceived(Id, Guid.NewGuid(), Monday.AddDays(40), Now.AddHours(3)),
            new AppraisalStarted(Id, Guid.NewGuid(), Monday.AddDays(30), Now.AddHours(2)));

        Assert.Equal("Decision", status.Stage);
        Assert.Equal("UBND", status.HoldingAgency?.Code);
        Assert.Equal(Monday.AddDays(40), status.StageDueDate);
        Assert.Equal(["Submitted", "Accepted", "AppraisalOpened", "AppraisalReportIssued"], status.Timeline.Select(s => s.Step));
        Assert.Equal("Nguyễn Văn A", status.ReceivedBy);
    }

    [Fact]
    public void A_withdrawal_after_acceptance_keeps_the_stage_due_date_and_one_at_intake_drops_it()
    {
        var atAppraisal = Fold(Submission, Acceptance, new AppraisalStarted(Id, Guid.NewGuid(), Monday.AddDays(30), Now.AddHours(2)),
            new DossierWithdrawn(Id, Submission.ReceiptCode, "No funds", Now.AddHours(3)));
        Assert.Equal("Withdrawn", atAppraisal.Stage);
        Assert.Null(atAppraisal.HoldingAgency);
        Assert.Equal(Monday.AddDays(30), atAppraisal.StageDueDate);

        var atIntake = Fold(Submission, new DossierWithdrawn(Id, Submission.ReceiptCode, "No funds", Now.AddHours(3)));
        Assert.Null(atIntake.StageDueDate);
        Assert.Equal("Withdrawn", atIntake.Timeline[^1].Step);
    }

    [Fact]
    public void History_imported_at_acceptance_starts_at_the_security_check_and_other_streams_events_make_nothing()
    {
        var imported = Fold(Acceptance with { NgoName = "CRW", AppointmentDate = new DateOnly(2027, 2, 1) });
        Assert.Equal("SecurityCheck", imported.Stage);
        Assert.False(imported.SubmittedOnline);
        Assert.Equal(new DateOnly(2027, 2, 1), imported.AppointmentDate);
        Assert.Equal(["Accepted"], imported.Timeline.Select(s => s.Step));

        Assert.Null(new DossierStatusProjection().Evolve(null, Id, new Event<object>(new SecurityCheckConcluded(Id, Guid.NewGuid(), Now))));
    }
}
