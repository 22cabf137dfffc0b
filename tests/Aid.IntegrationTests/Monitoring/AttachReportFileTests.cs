using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Monitoring.Projects;
using Aid.ServiceDefaults.Identity;
using Xunit;

namespace Aid.IntegrationTests.ProjectMonitoring;

/// <summary>The NGO files its scheduled report from the portal with attached files; the monitoring officer's view lists them.</summary>
public sealed class AttachReportFileTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MonitoringScenario scenario = new(system);
    private static readonly byte[] Pdf = "%PDF-1.4\n% report\n"u8.ToArray().Concat(RandomNumberGenerator.GetBytes(1024)).ToArray();

    [Fact]
    public async Task The_NGO_attaches_files_and_files_its_report_which_the_officer_then_reads_with_them()
    {
        var ngoId = Guid.NewGuid();
        var (decision, project) = await scenario.ApprovedLongAgo(ngoId);
        var due = project.Reports.First(r => r.Kind != ReportKind.Final && r.PeriodEnd < scenario.Today);
        using var ngo = system.Monitoring.ClientAs(DevelopmentUser.NgoStaff(ngoId));

        var attached = await ngo.PostAsync($"/projects/{decision.DossierId}/reports/{due.Key}/attachments",
            DocumentUploadTests.Form(Pdf, "../bao-cao.pdf", kind: null));
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        var filed = await MonitoringScenario.Post(ngo, $"/projects/{decision.DossierId}/reports", new { reportKey = due.Key, summary = "Đã lắp 3 bể nước" });
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);

        var seen = (await scenario.Get(decision.DossierId)).Reports.Single(r => r.Key == due.Key);
        Assert.True(seen.SubmittedByNgo);
        Assert.Equal(scenario.Today, seen.ReceivedOn);
        Assert.False(seen.OnTime);
        var file = Assert.Single(seen.Attachments);
        Assert.Equal(("bao-cao.pdf", "application/pdf", Convert.ToHexStringLower(SHA256.HashData(Pdf))), (file.Name, file.ContentType, file.Sha256));
        var download = await scenario.Officer.GetAsync($"/projects/{decision.DossierId}/reports/{due.Key}/attachments/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        var late = await ngo.PostAsync($"/projects/{decision.DossierId}/reports/{due.Key}/attachments", DocumentUploadTests.Form(Pdf, "more.pdf", kind: null));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("report-already-received", (await MonitoringScenario.Problem(late)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Another_NGO_can_neither_attach_nor_download_and_nothing_is_recorded()
    {
        var ngoId = Guid.NewGuid();
        var (decision, project) = await scenario.ApprovedLongAgo(ngoId);
        var key = project.Reports[0].Key;
        using var owner = system.Monitoring.ClientAs(DevelopmentUser.NgoStaff(ngoId));
        var attached = await owner.PostAsync($"/projects/{decision.DossierId}/reports/{key}/attachments", DocumentUploadTests.Form(Pdf, "r.pdf", kind: null));
        var file = (await attached.Content.ReadFromJsonAsync<ProjectDeskView>(MonitoringScenario.Json))!.Reports[0].Attachments.Single();
        using var other = system.Monitoring.ClientAs(DevelopmentUser.NgoStaff(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound,
            (await other.PostAsync($"/projects/{decision.DossierId}/reports/{key}/attachments", DocumentUploadTests.Form(Pdf, "x.pdf", kind: null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/projects/{decision.DossierId}/reports/{key}/attachments/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/projects/{decision.DossierId}")).StatusCode);
        Assert.Single((await scenario.Get(decision.DossierId)).Reports[0].Attachments);
    }

    [Fact]
    public async Task A_file_for_a_report_not_in_the_schedule_or_of_a_wrong_type_is_refused()
    {
        var ngoId = Guid.NewGuid();
        var (decision, _) = await scenario.ApprovedProject(ngoId);
        using var ngo = system.Monitoring.ClientAs(DevelopmentUser.NgoStaff(ngoId));

        var unknown = await ngo.PostAsync($"/projects/{decision.DossierId}/reports/1999-H1/attachments", DocumentUploadTests.Form(Pdf, "r.pdf", kind: null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal("unknown-report", (await MonitoringScenario.Problem(unknown)).GetProperty("code").GetString());
        var wrongType = await ngo.PostAsync($"/projects/{decision.DossierId}/reports/final/attachments",
            DocumentUploadTests.Form("MZ\x90\0executable"u8.ToArray(), "evil.pdf", kind: null));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.All((await scenario.Get(decision.DossierId)).Reports, r => Assert.Empty(r.Attachments));
    }
}
