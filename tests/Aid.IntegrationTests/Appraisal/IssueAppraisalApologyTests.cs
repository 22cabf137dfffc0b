using System.Net;
using System.Net.Http.Json;
using Aid.Appraisal.Appraisals;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.IntegrationTests.SecurityReviews;
using Aid.Registration.Dossiers;
using Aid.Domain.Calendar;
using Xunit;
using Aid.Contracts.Appraisal;

namespace Aid.IntegrationTests.AppraisalTests;

/// <summary>
/// Apology slips of Sở Tài chính (<c>POST /appraisals/{id}/apology</c>) and UBND tỉnh (<c>POST /decisions/{id}/apology</c>):
/// refused before the due date, outside the agency's stage and to another agency's officer; once late, the stage's due
/// date moves, Registration moves the NGO's appointment date by the same working days and shows each slip, and each
/// stage still ends late. A dossier goes through the real services. This class moves its clock.
/// </summary>
public sealed class IssueAppraisalApologyTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi registration = new(system);
    private readonly AppraisalDriver driver = new(system);
    private static readonly object Slip = new { reason = "Chờ ý kiến bổ sung của Bộ Tài chính.", extraWorkingDays = 4 };

    [Fact]
    public async Task Refused_before_the_due_date_outside_the_stage_and_to_another_agencys_officer()
    {
        var (_, receipt) = await AppraisingAsync();
        var id = receipt.DossierId;
        using var appraiser = system.Appraisal.ClientAs("appraiser");
        await AppraisalDriver.Problem(await appraiser.PostAsJsonAsync($"/appraisals/{id}/apology", Slip), HttpStatusCode.Conflict, "not-overdue");
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        Assert.Equal(HttpStatusCode.Forbidden, (await decisionMaker.PostAsJsonAsync($"/appraisals/{id}/apology", Slip)).StatusCode);
        await AppraisalDriver.Problem(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/apology", Slip), HttpStatusCode.Conflict, "report-not-issued");
        Assert.Equal(HttpStatusCode.Forbidden, (await appraiser.PostAsJsonAsync($"/decisions/{id}/apology", Slip)).StatusCode);
        using var police = system.Appraisal.ClientAs("security.officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"/appraisals/{id}/apology", Slip)).StatusCode);
        Assert.DoesNotContain(await driver.EventsAsync(id), e => e.Data is ApologySlipIssued);
    }

    [Fact]
    public async Task Late_appraisal_and_decision_issue_slips_the_appointment_moves_twice_and_both_stages_stay_late()
    {
        var firstDay = system.Clock.VietnamToday();
        var (ngoId, receipt) = await AppraisingAsync();
        var id = receipt.DossierId;
        var calendar = registration.Calendar;
        var appointment = (await registration.StatusAsync(id)).AppointmentDate;
        using var appraiser = system.Appraisal.ClientAs("appraiser");
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests", new { departments = new[] { "Sở Nội vụ" } }));
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions", driver.Opinion("Sở Nội vụ")));

        // Sở Tài chính runs late (30 working days): the scan flags it, the queue prompts, the appraiser apologises.
        system.Clock.Advance(TimeSpan.FromDays(60));
        var late = await driver.UntilAsync(id, a => a.AppraisalStage!.OverdueFlagged, "the appraisal to be flagged overdue");
        var queued = await appraiser.GetFromJsonAsync<System.Text.Json.JsonElement>("/appraisals/queue?pageSize=100");
        Assert.True(queued.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("dossierId").GetGuid() == id).GetProperty("apologyDue").GetBoolean());
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/apology", Slip));
        var appraisalDue = calendar.AddWorkingDays(system.Clock.VietnamToday(), 4);
        var apologised = await driver.LoadAsync(id);
        Assert.Equal((appraisalDue, false), (apologised!.AppraisalStage!.DueDate, apologised.AppraisalStage.OverdueFlagged));
        appointment = calendar.AddWorkingDays(appointment, calendar.WorkingDaysBetween(late.AppraisalStage!.DueDate, appraisalDue));
        var status = await StatusWithAsync(ngoId, id, 1);
        Assert.Equal((appointment, appraisalDue), (status.AppointmentDate, status.StageDueDate));
        Assert.Equal(("STC", "Sở Tài chính", "Appraisal"), (status.Apologies[0].Agency.Code, status.Apologies[0].Agency.NameVi, status.Apologies[0].Stage));

        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/report", new { recommendation = "Approve" }));
        Assert.False((await driver.LoadAsync(id))!.AppraisalStage!.EndedOnTime);

        // UBND tỉnh runs late too (5 working days): the decision-maker apologises; the appointment moves again.
        system.Clock.Advance(TimeSpan.FromDays(30)); // past Tết as well
        var lateDecision = await driver.UntilAsync(id, a => a.DecisionStage?.OverdueFlagged == true, "the decision to be flagged overdue");
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await AppraisalDriver.Ok(decisionMaker.PostAsJsonAsync($"/decisions/{id}/apology", Slip));
        var decisionDue = calendar.AddWorkingDays(system.Clock.VietnamToday(), 4);
        appointment = calendar.AddWorkingDays(appointment, calendar.WorkingDaysBetween(lateDecision.DecisionStage!.DueDate, decisionDue));
        status = await StatusWithAsync(ngoId, id, 2);
        Assert.Equal((appointment, decisionDue), (status.AppointmentDate, status.StageDueDate));
        Assert.Equal(("UBND", "Decision"), (status.Apologies[1].Agency.Code, status.Apologies[1].Stage));

        using var anonymous = system.Registration.CreateClient();
        var lookup = (await anonymous.GetFromJsonAsync<PublicStatus>(
            $"/public/status?code={receipt.ReceiptCode}&secret={receipt.LookupSecret}", RegistrationApi.Json))!;
        Assert.Equal(appointment, lookup.AppointmentDate);
        Assert.Equal(decisionDue, lookup.Stages.Single(s => s.Stage == "Decision").DueDate);
        Assert.Equal(2, lookup.Apologies.Count);

        await AppraisalDriver.Ok(decisionMaker.PostAsJsonAsync($"/decisions/{id}/approve", new
        {
            decisionNumber = "77/QĐ-UBND", decisionDate = system.Clock.VietnamToday().ToString("yyyy-MM-dd"), signer = "Nguyễn Văn Chủ tịch",
        }));
        Assert.False((await driver.LoadAsync(id))!.DecisionStage!.EndedOnTime);
        var period = $"from={firstDay:yyyy-MM-dd}&to={system.Clock.VietnamToday():yyyy-MM-dd}";
        foreach (var path in new[] { "/appraisals/statistics", "/decisions/statistics" })
        {
            var stats = await decisionMaker.GetFromJsonAsync<System.Text.Json.JsonElement>($"{path}?{period}");
            Assert.Equal((0, 1), (stats.GetProperty("completed").GetProperty("onTime").GetInt32(), stats.GetProperty("completed").GetProperty("late").GetInt32()));
        }
    }

    private async Task<DossierStatus> StatusWithAsync(Guid ngoId, Guid id, int apologies)
    {
        using var staff = registration.AsNgo(ngoId);
        return await Eventually.Returns(async () =>
        {
            var s = await staff.GetFromJsonAsync<DossierStatus>($"/dossiers/{id}/status", RegistrationApi.Json);
            return s!.Apologies.Count == apologies ? s : null;
        }, $"the NGO to see {apologies} apology slip(s)");
    }

    /// <summary>Accepted at Registration, cleared by Công an tỉnh: the appraisal is open at Sở Tài chính.</summary>
    private async Task<(Guid NgoId, DossierReceipt Receipt)> AppraisingAsync()
    {
        var accepted = await registration.AcceptedDossierAsync();
        var id = accepted.Receipt.DossierId;
        await system.ReviewAsync(id, _ => true, "the review to open");
        await system.AssignAsync(id);
        using (var police = system.Security.ClientAs("security.officer"))
            await AppraisalDriver.Ok(police.PostAsJsonAsync($"/security-reviews/{id}/conclusion", new { verdict = "Cleared" }));
        await driver.UntilAsync(id, a => a.Status == AppraisalStatus.Appraising, "the appraisal to open");
        await Eventually.Returns(async () => (await registration.StatusAsync(id)).Timeline.Any(t => t.Step == "AppraisalOpened") ? "ok" : null,
            "Registration to know the appraisal opened");
        return accepted;
    }
}
