using System.Net;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>Who may read the province's reports and their exports, and bad requests answered as problem details.</summary>
public sealed class ReportAccessTests(AidSystem system) : IClassFixture<AidSystem>
{
    private static readonly string[] Paths =
    [
        "/province-reports/annual/2026", "/province-reports/six-monthly/2026", "/province-reports/annual/2026/xlsx",
        "/province-reports/annual/2026/docx", "/province-reports/annual/2026/reminders", "/province-reports/settings",
    ];

    [Theory]
    [InlineData("mobilisation.officer")]
    [InlineData("monitoring.officer")]
    [InlineData("decision.maker")]
    [InlineData("auditor")]
    [InlineData("cleared.auditor")]
    public async Task Sở_Ngoại_vụ_UBND_and_auditors_read_reports(string user)
    {
        var client = system.Monitoring.ClientAs(user);
        foreach (var path in Paths)
            Assert.True(HttpStatusCode.OK == (await client.GetAsync(path)).StatusCode, $"{user} GET {path}");
    }

    [Theory]
    [InlineData("intake.officer")]
    [InlineData("security.officer")]
    [InlineData("appraiser")]
    [InlineData("admin")]
    [InlineData("commune.proposer")]
    [InlineData("health.proposer")]
    public async Task Other_roles_are_refused(string user)
    {
        var client = system.Monitoring.ClientAs(user);
        foreach (var path in Paths)
            Assert.True(HttpStatusCode.Forbidden == (await client.GetAsync(path)).StatusCode, $"{user} GET {path}");
    }

    [Fact]
    public async Task Ngo_staff_officers_of_other_agencies_and_strangers_are_refused()
    {
        var ngo = system.Monitoring.ClientAs(DevelopmentUser.NgoStaff(Guid.NewGuid()));
        var mobilisationElsewhere = system.Monitoring.ClientAs(new DevelopmentUser("mob.stc", "Mob STC", Roles.MobilisationOfficer, "STC"));
        var decisionElsewhere = system.Monitoring.ClientAs(new DevelopmentUser("dm.snv", "DM SNV", Roles.DecisionMaker, "SNV"));
        foreach (var path in Paths)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await ngo.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await mobilisationElsewhere.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await decisionElsewhere.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await system.Monitoring.CreateClient().GetAsync(path)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/province-reports/quarterly/2026", "kind")]
    [InlineData("/province-reports/annual/1999", "year")]
    [InlineData("/province-reports/annual/2026?periodStart=2026-13-01", "periodStart")]
    [InlineData("/province-reports/annual/2026?periodEnd=31/12/2026", "periodEnd")]
    [InlineData("/province-reports/annual/2026?periodStart=2026-06-01&periodEnd=2026-01-01", "periodEnd")]
    [InlineData("/province-reports/annual/2026?cutOff=2026-10-31", "cutOff")]
    [InlineData("/province-reports/annual/2026?cutOff=2026-10-31T23:59:59", "cutOff")]
    [InlineData("/province-reports/annual/2026/xlsx?cutOff=yesterday", "cutOff")]
    [InlineData("/province-reports/annual/2026/docx?periodStart=1800-01-01", "periodStart")]
    public async Task Bad_requests_answer_400_naming_the_field(string path, string field)
    {
        var response = await system.Monitoring.ClientAs("mobilisation.officer").GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_settings_carry_the_three_provinces_presets()
    {
        var settings = JsonDocument.Parse(await system.Monitoring.ClientAs("mobilisation.officer").GetStringAsync("/province-reports/settings")).RootElement;
        Assert.Equal(["dong-nai:11-15", "hue:10-25", "ha-tinh:11-05"],
            settings.GetProperty("presets").EnumerateArray().Select(p => $"{p.GetProperty("code").GetString()}:{p.GetProperty("annualDue").GetString()}"));
        Assert.Equal("dong-nai", settings.GetProperty("effective").GetProperty("code").GetString());
        Assert.Equal(5, settings.GetProperty("reminderWorkingDays").GetInt32());
    }
}
