using Aid.Contracts.Desks;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Monitoring.Projects;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>All services with the scripted year played in, settled, and the cut-off taken right after.</summary>
public class ProvinceYearSystem : AidSystem, Xunit.IAsyncLifetime
{
    public ProvinceYear Year { get; } = new();
    public ProvinceYearDriver Driver { get; private set; } = null!;
    public DateTimeOffset CutOff { get; private set; }
    /// <summary>Monitoring's own view of each project just before the cut-off.</summary>
    public Dictionary<Guid, ProjectDeskView> ProjectsAtCutOff { get; } = [];

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Driver = new ProvinceYearDriver(this, Year);
        await Driver.PlayAsync();
        var expected = new ExpectedReport(Year, 2026);
        var previous = new ExpectedReport(Year, 2025);
        // Every published fact recorded: the report (cut-off still ahead) shows them all.
        await Eventually.Returns(async () =>
        {
            var r = await Driver.Report();
            return r.Dossiers.Received == expected.Received && r.Comparison.Previous.DossiersReceived == previous.Received
                && r.Ngos.Active == expected.ActiveNgos.Count && r.Comparison.Previous.NgosActive == previous.ActiveNgos.Count
                // The previous year's decisions too (a decision may overtake its receipt and wait for the bus's retry).
                && r.Comparison.Previous.Approved == previous.Approvals.Count && r.Comparison.Previous.CommittedVnd == previous.CommittedVnd
                && r.Stages.Sum(s => s.Count) == new[] { "intake", "security", "appraisal", "decision" }.Sum(s => expected.Stage(s).Count)
                && r.Dossiers.Withdrawn == expected.Withdrawn && r.Mobilisation.Sectors.Count == 2
                && r.Mobilisation.Sectors.Sum(s => s.TargetVnd) == 8_000_000_000m
                && r.Mobilisation.CatalogueEntriesFundedFully + r.Mobilisation.CatalogueEntriesFundedPartly == 2
                ? "settled" : null;
        }, "every scripted fact to be recorded", TimeSpan.FromSeconds(60));
        foreach (var dossier in Year.Dossiers.Where(d => d.Approved))
            ProjectsAtCutOff[dossier.Id] = (await Driver.Officer.GetFromJsonAsync<ProjectDeskView>($"/projects/{dossier.Id}", ProvinceYearDriver.Json))!;
        CutOff = DateTimeOffset.UtcNow;
        // Store time is the database's: keep later appends clearly after the cut-off.
        await Task.Delay(1500);
    }
}
