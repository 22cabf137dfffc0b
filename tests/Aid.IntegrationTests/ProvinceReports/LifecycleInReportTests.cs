using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.Lifecycle;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Monitoring.Reporting;
using Aid.Domain.Calendar;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>A dossier driven through the four services' real APIs (no message published by hand) is counted by the
/// province report from what the services publish.</summary>
public sealed class LifecycleInReportTests(AidSystem system) : IClassFixture<AidSystem>
{
    [Fact]
    public async Task A_dossier_through_every_agency_is_counted_in_the_year_report()
    {
        var journey = await new DossierJourney(system).RunAsync();
        var today = system.Clock.VietnamToday();
        var compiler = system.Monitoring.ClientAs("mobilisation.officer");
        var report = await Eventually.Returns(async () =>
        {
            var query = $"/province-reports/annual/{today.Year}?periodStart={today.Year}-01-01&periodEnd={today.Year}-12-31&cutOff="
                + Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz"));
            var r = await compiler.GetFromJsonAsync<ProvinceReport>(query, ProvinceYearDriver.Json);
            return r!.Dossiers.Approved == 1 && r.Dossiers.Received == 1 && r.Ngos.Active == 1 && r.Stages.All(s => s.Count == 1) ? r : null;
        }, "the journey's facts to reach the report", TimeSpan.FromSeconds(60));

        Assert.Equal(new DossierFigures(1, 1, 0, 0, 0), report.Dossiers);
        Assert.Equal(["intake:1:1", "security:1:1", "appraisal:1:1", "decision:1:1"], report.Stages.Select(s => $"{s.Stage}:{s.Count}:{s.OnTime}"));
        Assert.Equal(1, report.Inspections.Total);
        Assert.Equal(["Compliant=1"], report.Inspections.ByVerdict.Select(v => $"{v.Key}={v.Count}"));
        Assert.Contains(report.Received.Original, o => o.Currency == "USD" && o.Amount == 60_000m);
        Assert.Equal(journey.ReceiptCode, Assert.Single(report.Inspections.Items).ReceiptCode);
    }
}
