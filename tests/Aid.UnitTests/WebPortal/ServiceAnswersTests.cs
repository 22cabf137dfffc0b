using System.Text.Json;
using Aid.Audit;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using Aid.Contracts.Security;
using Aid.Portal.Api;
using Xunit;

namespace Aid.UnitTests.WebPortal;

/// <summary>
/// The portal reads the services' answers: queues and statistics in the shared desk records (Aid.Contracts.Desks),
/// the rest as each service chose to send it.
/// </summary>
public sealed class ServiceAnswersTests
{
    private static readonly Guid Id = Guid.NewGuid();

    private static JsonElement Sent(object value) => JsonSerializer.SerializeToElement(value, ServiceApi.Json);

    [Theory]
    [InlineData("appraisal", "/appraisals/{0}/apology")]
    [InlineData("decision", "/decisions/{0}/apology")]
    public void An_overdue_stage_offers_the_apology_slip_first_with_a_reason_and_extra_working_days(string key, string path)
    {
        var desk = Desk.All.Single(d => d.Key == key);
        var actions = DeskActions.For(Appraisal(desk, DeadlineFlag.Overdue), desk);
        var apology = actions[0];
        Assert.Equal(("apology", path), (apology.Key, apology.Path));
        Assert.Equal(["reason", "extraWorkingDays"], apology.Fields.Select(f => f.Name));
        Assert.All(apology.Fields, f => Assert.True(f.Required));

        Assert.DoesNotContain(DeskActions.For(Appraisal(desk, DeadlineFlag.OnTime), desk), a => a.Key == "apology");
    }

    [Fact]
    public void The_appraisal_and_decision_desks_act_only_at_their_own_stage()
    {
        var appraising = Appraisal(Desk.Appraisal, DeadlineFlag.OnTime);
        Assert.Equal(["opinions-request", "opinion", "report"], DeskActions.For(appraising, Desk.Appraisal).Select(a => a.Key));
        Assert.Empty(DeskActions.For(appraising, Desk.Decision));
        var awaiting = Appraisal(Desk.Decision, DeadlineFlag.OnTime);
        Assert.Equal(["approve", "refuse", "forward"], DeskActions.For(awaiting, Desk.Decision).Select(a => a.Key));
        Assert.Empty(DeskActions.For(awaiting, Desk.Appraisal));
        var forwarded = awaiting with
        {
            Status = AppraisalStatus.Decided,
            Decision = new(DecisionOutcome.ForwardedToPrimeMinister, new DateOnly(2026, 1, 25), null, null, null, [], null),
        };
        Assert.Equal(["prime-minister"], DeskActions.For(forwarded, Desk.Decision).Select(a => a.Key));
        Assert.Empty(DeskActions.For(forwarded with { Decision = forwarded.Decision! with { Outcome = DecisionOutcome.Approved } }, Desk.Decision));
    }

    /// <summary>An appraisal at the desk's stage (appraising, or awaiting the decision), whose clock stands at the flag.</summary>
    private static AppraisalDeskView Appraisal(Desk desk, DeadlineFlag flag)
    {
        var clock = new AppraisalStageView(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 20), null, null, false, 1, flag);
        return new(Id, "SNV-1", 4, desk == Desk.Decision ? AppraisalStatus.AwaitingDecision : AppraisalStatus.Appraising, null, null,
            desk == Desk.Decision ? null : clock, null, desk == Desk.Decision ? clock : null, [], null, null, null,
            new PrimeMinisterView([], null, null, null, false), null);
    }

    [Fact]
    public void An_overdue_intake_check_or_security_review_offers_the_apology_slip_first()
    {
        var intake = Intake("IntakeCheck", new DateOnly(2020, 1, 2));
        Assert.Equal(("apology", "/dossiers/{0}/apology"), (DeskActions.For(intake)[0].Key, DeskActions.For(intake)[0].Path));
        Assert.DoesNotContain(DeskActions.For(intake with { StageDueDate = new DateOnly(2100, 1, 2) }), a => a.Key == "apology");

        var review = Review(ReviewStatus.Open, DeadlineFlag.Overdue);
        Assert.Equal(("apology", "/security-reviews/{0}/apology"), (DeskActions.For(review)[0].Key, DeskActions.For(review)[0].Path));
        Assert.DoesNotContain(DeskActions.For(Review(ReviewStatus.Open, DeadlineFlag.OnTime)), a => a.Key == "apology");
        Assert.Empty(DeskActions.For(Review(ReviewStatus.Concluded, null)));
    }

    private static IntakeDossierView Intake(string stage, DateOnly? due = null) => new(Id, "SNV-1", "NGO", null, "Water", stage,
        new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), due, "Province", 3);

    private static SecurityReviewView Review(ReviewStatus status, DeadlineFlag? deadline) => new(Id, "SNV-1", Id, "NGO", "Water",
        "Project", [], null, ReviewTrack.Standard, [], status, [],
        new SecurityStageView(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 20), null, null, false, 1, deadline), null, [], 2, null);

    [Fact]
    public void The_auditor_timeline_merges_every_service_by_time()
    {
        var early = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        AuditAnswer<DossierEvents> Answer(Service service, params (string Type, DateTimeOffset At)[] events) =>
            new(service, 200, new DossierEvents(service.ToString(), Id, [.. events.Select(e => new TimelineEntry(service.ToString(), Id, 1, 1,
                e.At, e.Type, "officer", null, null, null, null, Sent(new { x = 1 }), false, null))]), null);

        var timeline = AuditApi.Timeline(
        [
            Answer(Service.Security, ("ReviewOpened", early.AddMinutes(5))),
            Answer(Service.Registration, ("DossierSubmitted", early), ("DossierAccepted", early.AddMinutes(4))),
            new AuditAnswer<DossierEvents>(Service.Monitoring, 404, null, null),
        ]);

        Assert.Equal(["DossierSubmitted", "DossierAccepted", "ReviewOpened"], timeline.Select(e => e.Type));
        Assert.Equal([Service.Registration, Service.Registration, Service.Security], timeline.Select(e => e.Service));
    }

    [Fact]
    public void The_submission_form_names_each_problem_as_the_NGO_types()
    {
        var form = new DossierForm { Kind = "Project", Currency = "USD" };
        var errors = form.Errors();
        Assert.Contains("Title", errors.Keys);
        Assert.Contains("FileProjectDocument", errors.Keys);
        Assert.Contains("FileCommitmentLetter", errors.Keys);

        form.Title = "Water";
        form.AidOwner = form.ManagingAgency = form.Objectives = form.Beneficiaries = "x";
        form.Fields = "Education, Water";
        form.Locations = "Xã A";
        form.Amount = "120,000";
        form.ExchangeRate = "25400";
        form.StartDate = new DateOnly(2027, 1, 1);
        form.EndDate = new DateOnly(2026, 1, 1);
        form.Files["ProjectDocument"] = new ChosenFile("ProjectDocument", "p.pdf", "application/pdf", [1]);
        form.Files["CommitmentLetter"] = new ChosenFile("CommitmentLetter", "c.pdf", "application/pdf", [2]);
        Assert.Equal(["EndDate"], form.Errors().Keys);

        form.EndDate = new DateOnly(2027, 12, 31);
        Assert.Empty(form.Errors());
        var request = form.ToRequest(Id);
        Assert.Equal(["Education", "Water"], request.Fields);
        Assert.Equal(120_000m, request.Budget.Amount);
        Assert.Equal(2, request.Documents.Count);
    }

    [Fact]
    public void An_officer_sees_only_the_actions_of_the_current_stage()
    {
        var atIntake = Intake("IntakeCheck");
        Assert.Equal(["accept", "supplement", "refuse-receipt"], DeskActions.For(atIntake).Select(a => a.Key));
        Assert.Empty(DeskActions.For(Intake("SecurityCheck")));
        Assert.Equal(["assign", "finding", "conclude"], DeskActions.For(Review(ReviewStatus.Open, DeadlineFlag.OnTime)).Select(a => a.Key));

        var supplement = DeskActions.For(atIntake)[1];
        var body = supplement.Body(new Dictionary<string, string> { ["missingItems"] = "Bản dịch\nGiấy phép", ["note"] = "" });
        Assert.Equal(["Bản dịch", "Giấy phép"], (string[])body["missingItems"]!);
        Assert.Null(body["note"]);
    }

    [Fact]
    public void A_monitoring_officer_sees_the_actions_the_projects_status_allows()
    {
        Assert.Equal(["started", "tranche", "inspection", "suspend"], DeskActions.For(Project(MonitoringStatus.AwaitingImplementation)).Select(a => a.Key));
        Assert.Equal(["tranche", "inspection", "suspend", "complete", "report"], DeskActions.For(Project(MonitoringStatus.Implementing)).Select(a => a.Key));
        Assert.Equal(["resume", "report"], DeskActions.For(Project(MonitoringStatus.Suspended)).Select(a => a.Key));
        Assert.Equal(["report", "close"], DeskActions.For(Project(MonitoringStatus.Completed)).Select(a => a.Key));
        Assert.Empty(DeskActions.For(Project(MonitoringStatus.Closed)));

        // The project view as Monitoring sends it (codes as strings) reads back into the shared record.
        var sent = Project(MonitoringStatus.Suspended) with { Flags = ["suspended"] };
        var read = Sent(sent).Deserialize<ProjectDeskView>(ServiceApi.Json)!;
        Assert.Equal("Suspended", Sent(sent).GetProperty("status").GetString());
        Assert.Equal((MonitoringStatus.Suspended, "2026/QĐ-UBND", ReportKind.Final), (read.Status, read.Decision.Number, read.Reports[0].Kind));
    }

    private static ProjectDeskView Project(MonitoringStatus status) => new(Id, "SNV-1", Id, "Water", 1_000_000m, status,
        new ProjectDecisionFacts("2026/QĐ-UBND", new DateOnly(2026, 1, 5), null, []),
        new ProjectDates(new DateOnly(2026, 2, 1), new DateOnly(2027, 1, 31), new DateOnly(2026, 7, 5), null, null),
        [new ProjectReport("final", ReportKind.Final, new DateOnly(2026, 2, 1), new DateOnly(2027, 1, 31), new DateOnly(2027, 3, 2),
            null, null, null, false, false, false)], null, [], new Dictionary<string, decimal>(), [], [], 3);
}
