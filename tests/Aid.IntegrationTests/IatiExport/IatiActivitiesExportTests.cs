using System.Net;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.ProjectMonitoring;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Xunit;

namespace Aid.IntegrationTests.IatiExport;

/// <summary>GET /iati/activities?year=: every approved project (of a year) in one IATI 2.03 file.</summary>
public sealed class IatiActivitiesExportTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MonitoringScenario scenario = new(system);

    private async Task<List<string>> Identifiers(string query)
    {
        var document = await IatiSchema.ValidExport(await scenario.Officer.GetAsync($"/iati/activities{query}"));
        return document.Root!.Elements("iati-activity").Select(a => a.Element("iati-identifier")!.Value).ToList();
    }

    [Fact]
    public async Task The_export_holds_the_approved_projects_of_the_year_asked_and_all_of_them_without_a_year()
    {
        var thisYear = scenario.Today.Year;
        var lastYear = await scenario.ApprovedProject(decidedDaysAgo: scenario.Today.DayOfYear + 20);
        var first = await scenario.ApprovedProject();
        var second = await scenario.ApprovedProject();
        string Id(Contracts.Appraisal.DossierDecided d) => $"VN-DNI-SNV-{d.ReceiptCode}";

        var ofThisYear = await Identifiers($"?year={thisYear}");
        Assert.Contains(Id(first.Decision), ofThisYear);
        Assert.Contains(Id(second.Decision), ofThisYear);
        Assert.DoesNotContain(Id(lastYear.Decision), ofThisYear);
        Assert.Equal([Id(lastYear.Decision)], await Identifiers($"?year={thisYear - 1}"));

        var all = await Identifiers("");
        Assert.Equal(ofThisYear.Count + 1, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public async Task A_year_without_approvals_is_not_found_and_a_bad_year_is_refused_in_both_languages()
    {
        await scenario.ApprovedProject();
        var none = await scenario.Officer.GetAsync("/iati/activities?year=2001");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("no-approved-projects", (await MonitoringScenario.Problem(none)).GetProperty("code").GetString());

        foreach (var year in new[] { "1999", "2101", "abc", "2026.5" })
        {
            var bad = await scenario.Officer.GetAsync($"/iati/activities?year={year}");
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, $"{year}: {(int)bad.StatusCode} {await bad.Content.ReadAsStringAsync()}");
            var problem = await MonitoringScenario.Problem(bad);
            Assert.Equal(JsonValueKind.Object, problem.GetProperty("errors").ValueKind);
            Assert.Contains("year", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }
    }

    [Theory]
    [InlineData("mobilisation.officer", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("auditor", HttpStatusCode.OK)]
    [InlineData("security.officer", HttpStatusCode.Forbidden)]
    [InlineData("decision.maker", HttpStatusCode.Forbidden)]
    [InlineData("commune.proposer", HttpStatusCode.Forbidden)]
    public async Task Who_reads_the_whole_export(string user, HttpStatusCode expected)
    {
        await scenario.ApprovedProject();
        using var client = system.Monitoring.ClientAs(user);
        var response = await client.GetAsync("/iati/activities");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
            await IatiSchema.ValidExport(response);
    }

    [Fact]
    public async Task NGO_staff_and_officers_of_other_agencies_with_the_right_role_are_refused_the_whole_export()
    {
        var (decision, _) = await scenario.ApprovedProject();
        using var staff = system.Monitoring.ClientAs(DevelopmentUser.NgoStaff(decision.NgoId!.Value));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/iati/activities")).StatusCode);
        using var foreignOfficer = MonitoringScenario.Another(system, Roles.MobilisationOfficer, "STC");
        Assert.Equal(HttpStatusCode.Forbidden, (await foreignOfficer.GetAsync("/iati/activities")).StatusCode);
    }

    [Fact]
    public async Task The_schema_check_catches_an_activity_the_schema_forbids()
    {
        await scenario.ApprovedProject();
        var document = await IatiSchema.ValidExport(await scenario.Officer.GetAsync("/iati/activities"));
        document.Root!.Element("iati-activity")!.Element("reporting-org")!.Remove();
        Assert.NotEmpty(IatiSchema.Problems(document.ToString()));
    }
}
