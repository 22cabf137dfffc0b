using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.ProjectMonitoring;
using Aid.Monitoring.Recognition;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Marten;
using Xunit;

namespace Aid.IntegrationTests.Commendations;

/// <summary>POST /recognition/ngos/{ngoId}/proposals: Sở Ngoại vụ proposes an NGO that meets the criteria.</summary>
public sealed class ProposeCommendationTests(AidSystem system) : IClassFixture<AidSystem>, IAsyncLifetime
{
    private readonly RecognitionDriver driver = new(system);

    public async Task InitializeAsync() =>
        await driver.SetCriteriaAsync(RecognitionDriver.Criteria(minCompletedProjects: 1, noNonCompliantInspection: true));

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<HttpResponseMessage> Propose(HttpClient client, Guid ngoId, string? reason = "Đóng góp nổi bật cho nước sạch nông thôn.") =>
        client.PostAsJsonAsync($"/recognition/ngos/{ngoId}/proposals", new { reason });

    [Theory]
    [InlineData("mobilisation.officer")]
    [InlineData("monitoring.officer")]
    public async Task An_NGO_meeting_the_criteria_is_proposed_once_with_its_record(string user)
    {
        var ngoId = await driver.NgoAsync(completed: true);
        using var officer = system.Monitoring.ClientAs(user);

        var created = await RecognitionDriver.Ok(Propose(officer, ngoId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var proposal = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proposals")[0];
        Assert.Equal(user, proposal.GetProperty("proposedBy").GetString());
        Assert.Equal(1, proposal.GetProperty("record").GetProperty("completedProjects").GetInt32());
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("outcome").ValueKind);

        var again = await RecognitionDriver.Problem(await Propose(officer, ngoId), HttpStatusCode.Conflict);
        Assert.Equal("proposal-pending", again.GetProperty("code").GetString());

        await using var query = AidSystem.StoreOf(system.Monitoring).QuerySession();
        var e = Assert.Single(await query.Events.FetchStreamAsync(ngoId));
        Assert.IsType<CommendationProposed>(e.Data);
        Assert.Equal((user, "SNV"), (e.UserName, e.GetHeader("agency")?.ToString()));
    }

    [Fact]
    public async Task An_NGO_below_the_criteria_or_unknown_is_not_proposed()
    {
        var running = await driver.NgoAsync();
        var faulted = await driver.NgoAsync(completed: true, verdict: "NonCompliant");
        using var officer = system.Monitoring.ClientAs("mobilisation.officer");

        foreach (var ngoId in new[] { running, faulted })
        {
            var problem = await RecognitionDriver.Problem(await Propose(officer, ngoId), HttpStatusCode.Conflict);
            Assert.Equal("criteria-not-met", problem.GetProperty("code").GetString());
        }
        await RecognitionDriver.Problem(await Propose(officer, Guid.NewGuid()), HttpStatusCode.NotFound);
        var noReason = await RecognitionDriver.Problem(await Propose(officer, running, reason: " "), HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], noReason.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await using var query = AidSystem.StoreOf(system.Monitoring).QuerySession();
        Assert.Null(await query.Events.FetchStreamStateAsync(running));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("decision.maker")]
    [InlineData("auditor")]
    [InlineData("intake.officer")]
    [InlineData("commune.proposer")]
    public async Task Others_may_not_propose(string user)
    {
        var ngoId = await driver.NgoAsync(completed: true);
        using var client = system.Monitoring.ClientAs(user);
        await RecognitionDriver.Problem(await Propose(client, ngoId), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NGO_staff_and_officers_of_other_agencies_neither_propose_nor_read()
    {
        var ngoId = await driver.NgoAsync(completed: true);
        using var staff = system.Monitoring.ClientAs(DevelopmentUser.NgoStaff(ngoId));
        using var stranger = MonitoringScenario.Another(system, Roles.MobilisationOfficer, "STC");
        foreach (var client in new[] { staff, stranger })
        {
            await RecognitionDriver.Problem(await Propose(client, ngoId), HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/recognition/commendable")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/recognition/ngos/{ngoId}")).StatusCode);
        }
    }
}
