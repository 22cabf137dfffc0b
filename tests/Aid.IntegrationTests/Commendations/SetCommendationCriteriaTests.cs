using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Monitoring.Recognition;
using Marten;
using Xunit;

namespace Aid.IntegrationTests.Commendations;

/// <summary>PUT /recognition/criteria: the administrator's criteria decide which NGOs are listed as commendable.</summary>
public sealed class SetCommendationCriteriaTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RecognitionDriver driver = new(system);

    [Fact]
    public async Task The_list_of_commendable_NGOs_follows_the_criteria_as_they_change()
    {
        var proven = await driver.NgoAsync(funded: true, completed: true, reportOnTime: true, verdict: "Compliant");
        var starting = await driver.NgoAsync();
        var faulted = await driver.NgoAsync(funded: true, completed: true, reportOnTime: true, verdict: "NonCompliant");
        Guid[] all = [proven, starting, faulted];

        // No criteria yet: nobody is listed.
        Assert.Empty(await driver.CommendableAmong(all));

        await driver.SetCriteriaAsync(RecognitionDriver.Criteria(minCommittedVnd: 1_000_000_000m));
        Assert.Equal(all.Order(), await driver.CommendableAmong(all));

        await driver.SetCriteriaAsync(RecognitionDriver.Criteria(minCommittedVnd: 1_000_000_000m, minCompletedProjects: 1));
        Assert.Equal(new[] { proven, faulted }.Order(), await driver.CommendableAmong(all));

        await driver.SetCriteriaAsync(RecognitionDriver.Criteria(minCompletedProjects: 1, minReceivedVnd: 1_000_000_000m,
            minOnTimeReportPercent: 100m, noNonCompliantInspection: true));
        Assert.Equal([proven], await driver.CommendableAmong(all));

        await driver.SetCriteriaAsync(RecognitionDriver.Criteria(minReceivedVnd: 1_000_000_001m));
        Assert.Empty(await driver.CommendableAmong(all));

        // The contribution records say why an NGO falls short, in both languages.
        using var admin = driver.Admin;
        var contributions = await (await admin.GetAsync("/recognition/contributions")).Content.ReadFromJsonAsync<JsonElement>();
        var record = contributions.GetProperty("ngos").EnumerateArray().Single(n => n.GetProperty("record").GetProperty("ngoId").GetGuid() == proven);
        Assert.Equal(1_000_000_000m, record.GetProperty("record").GetProperty("receivedVnd").GetDecimal());
        Assert.Equal(100m, record.GetProperty("record").GetProperty("onTimeReportPercent").GetDecimal());
        Assert.False(record.GetProperty("meetsCriteria").GetBoolean());
        var unmet = Assert.Single(record.GetProperty("unmet").EnumerateArray());
        Assert.Contains("1,000,000,001", unmet.GetProperty("en").GetString());
        Assert.Contains("tiếp nhận", unmet.GetProperty("vi").GetString());
    }

    [Fact]
    public async Task Each_change_is_an_event_by_the_administrator_and_a_stale_change_is_refused()
    {
        var version = await driver.SetCriteriaAsync(RecognitionDriver.Criteria(minCompletedProjects: 2));
        using var admin = driver.Admin;

        var stale = new HttpRequestMessage(HttpMethod.Put, "/recognition/criteria") { Content = JsonContent.Create(RecognitionDriver.Criteria(minCompletedProjects: 3)) };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{version - 1}\"");
        await RecognitionDriver.Problem(await admin.SendAsync(stale), HttpStatusCode.Conflict);

        var same = await RecognitionDriver.Ok(admin.PutAsJsonAsync("/recognition/criteria", RecognitionDriver.Criteria(minCompletedProjects: 2)));
        Assert.Equal($"\"{version}\"", same.Headers.ETag!.Tag);
        var current = await (await admin.GetAsync("/recognition/criteria")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, current.GetProperty("minCompletedProjects").GetInt32());
        Assert.Equal("admin", current.GetProperty("setBy").GetString());

        await using var query = AidSystem.StoreOf(system.Monitoring).QuerySession();
        var events = await query.Events.FetchStreamAsync(CommendationCriteria.StreamId);
        Assert.Equal(version, events.Count);
        Assert.All(events, e => Assert.IsType<CommendationCriteriaSet>(e.Data));
        Assert.Equal("admin", events[^1].UserName);
        Assert.Equal("administrator", events[^1].GetHeader("role")?.ToString());
    }

    [Theory]
    [InlineData("monitoring.officer")]
    [InlineData("mobilisation.officer")]
    [InlineData("decision.maker")]
    [InlineData("auditor")]
    [InlineData("intake.officer")]
    public async Task Only_administrators_set_the_criteria(string user)
    {
        using var client = system.Monitoring.ClientAs(user);
        await RecognitionDriver.Problem(await client.PutAsJsonAsync("/recognition/criteria", RecognitionDriver.Criteria()), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Criteria_out_of_range_are_refused_in_both_languages()
    {
        using var admin = driver.Admin;
        var problem = await RecognitionDriver.Problem(await admin.PutAsJsonAsync("/recognition/criteria",
            new { minCommittedVnd = -1, minReceivedVnd = 0, minCompletedProjects = 0, minOnTimeReportPercent = 120 }), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["minCommittedVnd", "minOnTimeReportPercent", "noNonCompliantInspection"], errors.EnumerateObject().Select(p => p.Name).Order());
        var body = problem.GetRawText();
        Assert.Contains("percentage", body);
        Assert.Contains("phần trăm", body);
    }
}
