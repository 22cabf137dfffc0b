using System.Net;
using System.Net.Http.Json;
using Aid.Contracts.Desks;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Dossiers;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>
/// Sở Ngoại vụ's apology slip for a late intake check (<c>POST /dossiers/{id}/apology</c>): refused before the due date
/// and to another agency's officer; once late, the intake due date and the appointment date move by the same working
/// days, the NGO and the public lookup see the slip, and the intake still counts as late. This class moves its clock.
/// </summary>
public sealed class IssueIntakeApologyTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);
    private static readonly object Slip = new { reason = "Hồ sơ cần xác minh thêm với cơ quan chủ quản.", extraWorkingDays = 3 };

    [Fact]
    public async Task Refused_before_the_due_date_without_a_reason_and_to_another_agencys_officer()
    {
        var receipt = await api.SubmitAsync(await api.RegisterNgoAsync());
        using var intake = api.As("intake.officer");
        var early = await intake.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/apology", Slip);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("not-overdue", (await RegistrationApi.Read(early))["code"]!.GetValue<string>());
        await RegistrationApi.AssertInvalid(await intake.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/apology",
            new { extraWorkingDays = 3 }), "reason");
        using var police = api.As("security.officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/apology", Slip)).StatusCode);
        using var ngo = api.AsNgo(Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await ngo.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/apology", Slip)).StatusCode);
        Assert.DoesNotContain(await api.EventsOf(receipt.DossierId), e => e is IntakeApologySlipIssued);
    }

    [Fact]
    public async Task A_late_intake_issues_a_slip_the_dates_move_the_NGO_and_the_lookup_see_it_and_it_stays_late()
    {
        var ngoId = await api.RegisterNgoAsync();
        var firstDay = api.Today;
        var receipt = await api.SubmitAsync(ngoId);
        system.Clock.Advance(TimeSpan.FromDays(8));
        // The overdue scan flags it first (its append would otherwise race the officer's).
        await Eventually.Returns(async () => (await api.EventsOf(receipt.DossierId)).OfType<StageBecameOverdue>().FirstOrDefault(),
            "the late intake to be flagged overdue");
        using var intake = api.As("intake.officer");
        var prompted = (await intake.GetFromJsonAsync<QueuePage<WorkItem>>("/dossiers/queue?pageSize=100", RegistrationApi.Json))!.Items
            .Single(q => q.DossierId == receipt.DossierId);
        Assert.True(prompted.ApologyDue);

        var issued = await intake.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/apology", Slip);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var newDue = api.Calendar.AddWorkingDays(api.Today, 3);
        var moved = api.Calendar.WorkingDaysBetween(receipt.IntakeDueDate, newDue);
        var appointment = api.Calendar.AddWorkingDays(receipt.AppointmentDate, moved);

        var queued = (await intake.GetFromJsonAsync<QueuePage<WorkItem>>("/dossiers/queue?pageSize=100", RegistrationApi.Json))!.Items
            .Single(q => q.DossierId == receipt.DossierId);
        Assert.Equal((newDue, false), (queued.DueDate, queued.ApologyDue));

        using var staff = api.AsNgo(ngoId);
        var status = (await staff.GetFromJsonAsync<DossierStatus>($"/dossiers/{receipt.DossierId}/status", RegistrationApi.Json))!;
        Assert.Equal(appointment, status.AppointmentDate);
        Assert.Equal(newDue, status.StageDueDate);
        var apology = Assert.Single(status.Apologies);
        Assert.Equal(("SNV", "Sở Ngoại vụ", receipt.IntakeDueDate, newDue), (apology.Agency.Code, apology.Agency.NameVi, apology.FormerDueDate, apology.NewDueDate));
        Assert.Equal("Hồ sơ cần xác minh thêm với cơ quan chủ quản.", apology.Reason);
        Assert.False(string.IsNullOrWhiteSpace(apology.SignedBy));
        Assert.Contains(status.Timeline, s => s.Step == "ApologyIssued" && s.Label.Vi == "Phiếu xin lỗi và hẹn lại ngày trả kết quả");

        using var anonymous = system.Registration.CreateClient();
        var lookup = (await anonymous.GetFromJsonAsync<PublicStatus>(
            $"/public/status?code={receipt.ReceiptCode}&secret={receipt.LookupSecret}", RegistrationApi.Json))!;
        Assert.Equal(appointment, lookup.AppointmentDate);
        Assert.Equal(newDue, lookup.Stages[0].DueDate);
        Assert.Equal(appointment, lookup.Stages[^1].DueDate);
        Assert.Equal(apology, Assert.Single(lookup.Apologies));

        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync($"/dossiers/{receipt.DossierId}/accept", null)).StatusCode);
        var accepted = Assert.IsType<DossierAccepted>((await api.EventsOf(receipt.DossierId)).Last());
        Assert.Equal((false, receipt.IntakeDueDate), (accepted.IntakeOnTime, accepted.IntakeDueDate));
        var stats = (await intake.GetFromJsonAsync<StageStatistics>(
            $"/dossiers/statistics?from={firstDay:yyyy-MM-dd}&to={api.Today:yyyy-MM-dd}", RegistrationApi.Json))!;
        Assert.Equal((0, 1), (stats.Completed.OnTime, stats.Completed.Late));
    }
}
