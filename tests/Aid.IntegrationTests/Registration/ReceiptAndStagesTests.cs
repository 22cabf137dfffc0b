using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration;
using Aid.Registration.Dossiers;
using Aid.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>
/// What the printed receipt needs from the status view (the configured province, the documents received, who
/// received the dossier) and the public lookup's stages with their due dates.
/// </summary>
public sealed class ReceiptAndStagesTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task The_status_carries_the_province_the_documents_and_the_receiving_officer_once_accepted()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        var province = system.Registration.Services.GetRequiredService<IOptions<ProvinceOptions>>().Value.Name;

        var submitted = await api.StatusAsync(receipt.DossierId);
        Assert.False(string.IsNullOrWhiteSpace(province));
        Assert.Equal(province, submitted.Province);
        Assert.Equal([("ProjectDocument", "ProjectDocument.pdf"), ("CommitmentLetter", "CommitmentLetter.pdf")],
            submitted.Documents.Select(d => (d.Kind, d.Name)));
        Assert.True(submitted.SubmittedOnline);
        Assert.Null(submitted.ReceivedBy);

        using var officer = api.As("intake.officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/dossiers/{receipt.DossierId}/accept", null)).StatusCode);
        var accepted = await api.StatusAsync(receipt.DossierId);
        Assert.Equal("Nguyễn Văn An (Sở Ngoại vụ)", accepted.ReceivedBy);
        Assert.True(accepted.SubmittedOnline);
    }

    [Fact]
    public async Task The_public_lookup_lists_every_stage_with_its_agency_due_date_and_state()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        var (calendar, deadlines) = (api.Calendar, api.Deadlines);
        DateOnly Planned(params Stage[] through) =>
            calendar.AddWorkingDays(receipt.ReceiptDate, through.Sum(s => deadlines.WorkingDaysFor("Project", s)));

        var stages = (await PublicAsync(receipt)).Stages;
        Assert.Equal(["IntakeCheck", "SecurityCheck", "Appraisal", "Decision"], stages.Select(s => s.Stage));
        Assert.Equal(["SNV", "CAT", "STC", "UBND"], stages.Select(s => s.Agency.Code));
        Assert.Equal(["Sở Ngoại vụ", "Công an tỉnh", "Sở Tài chính", "Ủy ban nhân dân tỉnh"], stages.Select(s => s.Agency.NameVi));
        Assert.Equal(["Current", "Upcoming", "Upcoming", "Upcoming"], stages.Select(s => s.State));
        Assert.Equal<DateOnly?>(
            [receipt.IntakeDueDate, Planned(Stage.IntakeCheck, Stage.Security),
             Planned(Stage.IntakeCheck, Stage.Security, Stage.Opinions, Stage.Appraisal), receipt.AppointmentDate],
            stages.Select(s => s.DueDate));
        Assert.All(stages, s => Assert.Null(s.EndedOn));
        Assert.All(stages, s => Assert.False(string.IsNullOrEmpty(s.Label.Vi) || string.IsNullOrEmpty(s.Label.En)));

        using var officer = api.As("intake.officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/dossiers/{receipt.DossierId}/accept", null)).StatusCode);
        var accepted = (await PublicAsync(receipt)).Stages;
        Assert.Equal(["Done", "Current", "Upcoming", "Upcoming"], accepted.Select(s => s.State));
        Assert.Equal(api.Today, accepted[0].EndedOn);
        Assert.Equal(receipt.AppointmentDate, accepted[3].DueDate);
    }

    [Fact]
    public async Task A_withdrawn_dossier_shows_the_stages_it_never_reached_as_stopped()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        using var staff = api.AsNgo(ngoId);
        Assert.True((await staff.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/withdraw", new { reason = "Donor changed plans." })).IsSuccessStatusCode);

        var stages = (await PublicAsync(receipt)).Stages;
        Assert.Equal(["Stopped", "Stopped", "Stopped", "Stopped"], stages.Select(s => s.State));
    }

    private async Task<PublicStatus> PublicAsync(DossierReceipt receipt)
    {
        using var anonymous = system.Registration.CreateClient();
        var response = await anonymous.GetAsync($"/public/status?code={receipt.ReceiptCode}&secret={receipt.LookupSecret}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PublicStatus>(RegistrationApi.Json))!;
    }
}
