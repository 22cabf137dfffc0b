using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.Contracts;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Registration.Dossiers;
using Aid.Security.Reviews;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Published = Aid.Contracts.Security;
using Xunit;

namespace Aid.IntegrationTests.SecurityReviews;

/// <summary>
/// Công an tỉnh's apology slip for a late security check (<c>POST /security-reviews/{id}/apology</c>): refused before the
/// due date and to another agency's officer; once late, the review's due date moves, Registration moves the NGO's
/// appointment date by the same working days and shows the slip (status view and public lookup), and the check still
/// counts as late. Registration refuses a slip for a stage that is no longer in progress. This class moves its clock.
/// </summary>
public sealed class IssueSecurityApologyTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi registration = new(system);
    private static readonly object Slip = new { reason = "Chờ kết quả xác minh của Bộ Công an.", extraWorkingDays = 5 };

    [Fact]
    public async Task Refused_before_the_due_date_and_to_another_agencys_officer()
    {
        var (_, receipt) = await OpenReviewAsync();
        using var officer = system.Security.ClientAs("security.officer");
        var early = await officer.PostAsJsonAsync($"/security-reviews/{receipt.DossierId}/apology", Slip);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("not-overdue", await early.Content.ReadAsStringAsync());
        using var appraiser = system.Security.ClientAs("appraiser");
        Assert.Equal(HttpStatusCode.Forbidden, (await appraiser.PostAsJsonAsync($"/security-reviews/{receipt.DossierId}/apology", Slip)).StatusCode);
        using var intake = system.Security.ClientAs("intake.officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await intake.PostAsJsonAsync($"/security-reviews/{receipt.DossierId}/apology", Slip)).StatusCode);
        Assert.DoesNotContain(await system.EventsAsync(receipt.DossierId), e => e.Data is SecurityApologySlipIssued);
    }

    [Fact]
    public async Task A_late_review_issues_a_slip_the_appointment_moves_the_NGO_sees_it_and_the_check_stays_late()
    {
        var firstDay = system.Clock.VietnamToday();
        var (ngoId, receipt) = await OpenReviewAsync();
        var before = await registration.StatusAsync(receipt.DossierId);
        system.Clock.Advance(TimeSpan.FromDays(30));
        var flagged = await system.ReviewAsync(receipt.DossierId, r => r.FlaggedOverdue, "the review to be flagged overdue");

        using var officer = system.Security.ClientAs("security.officer");
        var queue = JsonDocument.Parse(await officer.GetStringAsync("/security-reviews/queue?pageSize=100")).RootElement;
        Assert.True(queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("dossierId").GetGuid() == receipt.DossierId).GetProperty("apologyDue").GetBoolean());

        var issued = await officer.PostAsJsonAsync($"/security-reviews/{receipt.DossierId}/apology", Slip);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var view = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement;
        var newDue = registration.Calendar.AddWorkingDays(registration.Today, 5);
        Assert.Equal(newDue.ToString("yyyy-MM-dd"), view.GetProperty("stage").GetProperty("dueOn").GetString());
        Assert.Equal("OnTime", view.GetProperty("stage").GetProperty("deadline").GetString());
        Assert.Equal(flagged.DueOn.ToString("yyyy-MM-dd"), view.GetProperty("apologies")[0].GetProperty("formerDueDate").GetString());

        var moved = registration.Calendar.WorkingDaysBetween(flagged.DueOn, newDue);
        var appointment = registration.Calendar.AddWorkingDays(before.AppointmentDate, moved);
        using var staff = registration.AsNgo(ngoId);
        var status = await Eventually.Returns(async () =>
        {
            var s = await staff.GetFromJsonAsync<DossierStatus>($"/dossiers/{receipt.DossierId}/status", RegistrationApi.Json);
            return s!.Apologies.Count > 0 ? s : null;
        }, "the NGO to see the apology slip");
        Assert.Equal(appointment, status.AppointmentDate);
        Assert.Equal(newDue, status.StageDueDate);
        var apology = Assert.Single(status.Apologies);
        Assert.Equal(("CAT", "Công an tỉnh", "SecurityCheck"), (apology.Agency.Code, apology.Agency.NameVi, apology.Stage));
        Assert.Equal((flagged.DueOn, newDue, "Chờ kết quả xác minh của Bộ Công an."), (apology.FormerDueDate, apology.NewDueDate, apology.Reason));

        using var anonymous = system.Registration.CreateClient();
        var lookup = (await anonymous.GetFromJsonAsync<PublicStatus>(
            $"/public/status?code={receipt.ReceiptCode}&secret={receipt.LookupSecret}", RegistrationApi.Json))!;
        Assert.Equal(appointment, lookup.AppointmentDate);
        Assert.Equal(newDue, lookup.Stages.Single(s => s.Stage == "SecurityCheck").DueDate);
        Assert.Equal(apology, Assert.Single(lookup.Apologies));

        var concluded = JsonDocument.Parse(await (await officer.PostAsJsonAsync($"/security-reviews/{receipt.DossierId}/conclusion",
            new { verdict = "Cleared" })).Content.ReadAsStringAsync()).RootElement;
        Assert.False(concluded.GetProperty("stage").GetProperty("onTime").GetBoolean());
        var stats = JsonDocument.Parse(await officer.GetStringAsync(
            $"/security-reviews/statistics?from={firstDay:yyyy-MM-dd}&to={system.Clock.VietnamToday():yyyy-MM-dd}")).RootElement;
        Assert.Equal(1, stats.GetProperty("completed").GetProperty("late").GetInt32());
        Assert.Equal(0, stats.GetProperty("completed").GetProperty("onTime").GetInt32());

        // Once the check is concluded at Registration, a slip for it is no longer admitted: it is set aside.
        await Eventually.Returns(async () => (await registration.StatusAsync(receipt.DossierId)).Timeline.Any(t => t.Step == "SecurityConcluded") ? "ok" : null,
            "the conclusion to reach Registration");
        var stale = new Published.SecurityApologyIssued(new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow, "security.officer", "CAT",
            "corr", null, "security", 1), receipt.DossierId, receipt.ReceiptCode, newDue, newDue.AddDays(7), "Muộn", "Cán bộ");
        await system.Registration.Services.GetRequiredService<IBus>().Publish(stale);
        var (queueName, letter) = await DeadLetterProbe.ParkedAsync(system.Registration, stale.Metadata.EventId.ToString());
        Assert.EndsWith("progress-from-other-agencies_error", queueName);
        Assert.Contains("does not admit this step", letter.FaultMessage);
        Assert.Single((await registration.StatusAsync(receipt.DossierId)).Apologies);
    }

    private async Task<(Guid NgoId, DossierReceipt Receipt)> OpenReviewAsync()
    {
        var accepted = await registration.AcceptedDossierAsync();
        await system.ReviewAsync(accepted.Receipt.DossierId, _ => true, "the review to open");
        await system.AssignAsync(accepted.Receipt.DossierId);
        return accepted;
    }
}
