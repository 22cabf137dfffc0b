using System.Text.Json;
using Aid.Portal.Api;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Xunit;

namespace Aid.UnitTests.WebPortal;

/// <summary>
/// The portal reads the services' answers without sharing their classes: these tests serialize each service's own
/// queue and statistics records as the service sends them, and check the portal reads the same facts back.
/// </summary>
public sealed class ServiceAnswersTests
{
    private static readonly DateOnly Due = new(2026, 12, 1);
    private static readonly Guid Id = Guid.NewGuid();

    private static JsonElement Sent(object value) => JsonSerializer.SerializeToElement(value, ServiceApi.Json);

    [Fact]
    public void Every_agency_queue_line_reads_as_a_work_item()
    {
        var bilingual = new Bilingual("Quá hạn", "Overdue");
        object[] lines =
        [
            new Registration.Dossiers.QueueItem(Id, "SNV-20261124-001", "Hilfswerk", "Water", "Project", Due, Due, -1,
                Registration.Dossiers.DeadlineFlag.Overdue),
            new Security.Reviews.QueueItem(Id, "SNV-20261124-001", "Hilfswerk", "Water", "Project", Security.Reviews.ReviewTrack.Full,
                [], Due, Due, -1, Security.Reviews.DeadlineFlag.Overdue, bilingual),
            new Appraisal.Deadlines.QueueEntry(Id, "SNV-20261124-001", "Water", "Hilfswerk", "Project", ServiceDefaults.Calendar.Stage.Decision,
                Due, Due, -1, Appraisal.Deadlines.DeadlineFlag.Overdue, bilingual, false),
            new Aid.Monitoring.Projects.QueueItem(Id, "SNV-20261124-001", "Water", Aid.Monitoring.Projects.MonitoringStatus.Implementing, "2027-H1",
                Aid.Monitoring.Projects.ReportKind.SixMonthly, Due, -3, -1, Aid.Monitoring.Projects.QueueFlag.Overdue),
        ];

        foreach (var line in lines)
        {
            var item = WorkItem.From(Sent(line));
            Assert.Equal((Id, "SNV-20261124-001", "Water", Due, -1, Urgency.Overdue),
                (item.Id, item.ReceiptCode, item.Title, item.DueDate, item.WorkingDaysLeft, item.Urgency));
            // The agencies holding a dossier's stage are prompted to issue an apology slip; monitoring has none.
            Assert.Equal(line is not Aid.Monitoring.Projects.QueueItem, item.ApologyDue);
        }
    }

    [Theory]
    [InlineData("security", """{ "status": "Open", "stage": { "deadline": "Overdue" } }""", "/security-reviews/{0}/apology")]
    [InlineData("appraisal", """{ "status": "Appraising", "appraisalStage": { "flag": "Overdue" } }""", "/appraisals/{0}/apology")]
    [InlineData("decision", """{ "status": "AwaitingDecision", "decisionStage": { "flag": "Overdue" } }""", "/decisions/{0}/apology")]
    [InlineData("intake", """{ "stage": "IntakeCheck", "stageDueDate": "2020-01-02" }""", "/dossiers/{0}/apology")]
    public void An_overdue_stage_offers_the_apology_slip_first_with_a_reason_and_extra_working_days(string desk, string view, string path)
    {
        var actions = DeskActions.For(Desk.All.Single(d => d.Key == desk), JsonDocument.Parse(view).RootElement);
        var apology = actions[0];
        Assert.Equal(("apology", path), (apology.Key, apology.Path));
        Assert.Equal(["reason", "extraWorkingDays"], apology.Fields.Select(f => f.Name));
        Assert.All(apology.Fields, f => Assert.True(f.Required));

        var onTime = view.Replace("Overdue", "OnTime").Replace("2020-01-02", "2100-01-02");
        Assert.DoesNotContain(DeskActions.For(Desk.All.Single(d => d.Key == desk), JsonDocument.Parse(onTime).RootElement), a => a.Key == "apology");
    }

    [Fact]
    public void Statistics_of_each_stage_read_as_received_on_time_late_and_rate()
    {
        var snv = Agencies.ForeignAffairs;
        var intake = StageFigures.From(Desk.Intake, Sent(new Registration.Dossiers.IntakeStatistics(
            new(snv.Code, snv.NameVi, snv.NameEn), Due, Due, 5, new(1, 1, 1, 0, 3), new(1, 1, 2), 0, 0.5)));
        var security = StageFigures.From(Desk.Security, Sent(new Security.Reviews.ReviewStatistics(
            Agencies.Police, Due, Due, 5, new(1, 1, 1, 3), new(1, 1, 2), 0, 0.5)));
        var decision = StageFigures.From(Desk.Decision, Sent(new Appraisal.Deadlines.StageStatistics(
            "UBND", ServiceDefaults.Calendar.Stage.Decision, Due, Due, 5, new(3, 1, 1, 1), 1, 1, 0.5)));

        foreach (var figures in new[] { intake, security, decision })
            Assert.Equal((5, 1, 1, 1, 1, 1, 0.5), (figures.Received, figures.CompletedOnTime, figures.CompletedLate,
                figures.OpenOnTime, figures.OpenNearlyDue, figures.OpenOverdue, figures.OnTimeRate));
    }

    [Fact]
    public void The_auditor_timeline_merges_every_service_by_time()
    {
        var early = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        AuditAnswer Answer(Service service, params (string Type, DateTimeOffset At)[] events) =>
            new(service, 200, Sent(events.Select(e => new { type = e.Type, timestamp = e.At, version = 1, data = new { x = 1 } })), null);

        var timeline = AuditApi.Timeline(
        [
            Answer(Service.Security, ("ReviewOpened", early.AddMinutes(5))),
            Answer(Service.Registration, ("DossierSubmitted", early), ("DossierAccepted", early.AddMinutes(4))),
            new AuditAnswer(Service.Monitoring, 404, null, null),
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
        var atIntake = Sent(new { stage = "IntakeCheck", version = 3 });
        var moved = Sent(new { stage = "SecurityCheck", version = 4 });
        Assert.Equal(["accept", "supplement", "refuse-receipt"], DeskActions.For(Desk.Intake, atIntake).Select(a => a.Key));
        Assert.Empty(DeskActions.For(Desk.Intake, moved));
        Assert.Empty(DeskActions.For(Desk.Security, atIntake));

        var supplement = DeskActions.For(Desk.Intake, atIntake)[1];
        var body = supplement.Body(new Dictionary<string, string> { ["missingItems"] = "Bản dịch\nGiấy phép", ["note"] = "" });
        Assert.Equal(["Bản dịch", "Giấy phép"], (string[])body["missingItems"]!);
        Assert.Null(body["note"]);
    }
}
