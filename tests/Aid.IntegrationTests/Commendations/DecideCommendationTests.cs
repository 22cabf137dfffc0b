using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.ProjectMonitoring;
using Aid.Monitoring.Recognition;
using Aid.Domain.Province;
using Marten;
using Xunit;

namespace Aid.IntegrationTests.Commendations;

/// <summary>POST /recognition/ngos/{ngoId}/decision: UBND tỉnh decides the pending proposal.</summary>
public sealed class DecideCommendationTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RecognitionDriver driver = new(system);

    /// <summary>A completed project's NGO, proposed (the criteria, set again each time, change only once).</summary>
    private async Task<Guid> ProposedAsync()
    {
        await driver.SetCriteriaAsync(RecognitionDriver.Criteria(minCompletedProjects: 1));
        var ngoId = await driver.NgoAsync(completed: true);
        using var officer = system.Monitoring.ClientAs("mobilisation.officer");
        await RecognitionDriver.Ok(officer.PostAsJsonAsync($"/recognition/ngos/{ngoId}/proposals", new { reason = "Đóng góp nổi bật." }));
        return ngoId;
    }

    private static async Task<IReadOnlyList<Guid>> PendingAsync(HttpClient client) =>
        (await (await RecognitionDriver.Ok(client.GetAsync("/recognition/proposals/pending"))).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Select(p => p.GetProperty("ngoId").GetGuid()).ToList();

    private static Task<HttpResponseMessage> Decide(HttpClient client, Guid ngoId, object body) =>
        client.PostAsJsonAsync($"/recognition/ngos/{ngoId}/decision", body);

    [Fact]
    public async Task UBND_tỉnh_commends_once_and_the_NGO_may_be_proposed_again_later()
    {
        var ngoId = await ProposedAsync();
        using var decisionMaker = system.Monitoring.ClientAs("decision.maker");
        Assert.Contains(ngoId, await PendingAsync(decisionMaker));

        var decided = await RecognitionDriver.Ok(Decide(decisionMaker, ngoId, new { outcome = "Commended", decisionNumber = "45/QĐ-UBND" }));
        Assert.Equal("\"2\"", decided.Headers.ETag!.Tag);
        var proposal = (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proposals")[0];
        Assert.Equal(("Commended", "45/QĐ-UBND", "decision.maker"),
            (proposal.GetProperty("outcome").GetString(), proposal.GetProperty("decisionNumber").GetString(), proposal.GetProperty("decidedBy").GetString()));

        Assert.DoesNotContain(ngoId, await PendingAsync(decisionMaker));
        var twice = await RecognitionDriver.Problem(await Decide(decisionMaker, ngoId, new { outcome = "NotCommended", note = "x" }), HttpStatusCode.Conflict);
        Assert.Equal("no-pending-proposal", twice.GetProperty("code").GetString());

        using var officer = system.Monitoring.ClientAs("monitoring.officer");
        await RecognitionDriver.Ok(officer.PostAsJsonAsync($"/recognition/ngos/{ngoId}/proposals", new { reason = "Năm sau." }));
        var history = await (await officer.GetAsync($"/recognition/ngos/{ngoId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, history.GetProperty("commendations").GetProperty("proposals").GetArrayLength());
        Assert.True(history.GetProperty("contribution").GetProperty("meetsCriteria").GetBoolean());

        await using var query = AidSystem.StoreOf(system.Monitoring).QuerySession();
        var events = await query.Events.FetchStreamAsync(ngoId);
        Assert.Equal([typeof(CommendationProposed), typeof(CommendationDecided), typeof(CommendationProposed)], events.Select(e => e.Data.GetType()));
        Assert.Equal(("decision.maker", "UBND"), (events[1].UserName, events[1].GetHeader("agency")?.ToString()));
    }

    [Fact]
    public async Task Declining_needs_a_note_and_commending_a_decision_number_in_both_languages()
    {
        var ngoId = await ProposedAsync();
        using var decisionMaker = system.Monitoring.ClientAs("decision.maker");
        foreach (var (body, field) in new (object, string)[]
        {
            (new { outcome = "Commended" }, "decisionNumber"),
            (new { outcome = "NotCommended" }, "note"),
            (new { outcome = "Perhaps" }, "outcome"),
        })
        {
            var problem = await RecognitionDriver.Problem(await Decide(decisionMaker, ngoId, body), HttpStatusCode.BadRequest);
            var error = problem.GetProperty("errors").GetProperty(field)[0];
            Assert.False(string.IsNullOrEmpty(error.GetProperty("vi").GetString()));
            Assert.False(string.IsNullOrEmpty(error.GetProperty("en").GetString()));
        }
        await RecognitionDriver.Ok(Decide(decisionMaker, ngoId, new { outcome = "NotCommended", note = "Chưa đủ thời gian hoạt động." }));
        await RecognitionDriver.Problem(await Decide(decisionMaker, Guid.NewGuid(), new { outcome = "NotCommended", note = "x" }), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("mobilisation.officer")]
    [InlineData("monitoring.officer")]
    [InlineData("admin")]
    [InlineData("appraiser")]
    public async Task Only_decision_makers_of_UBND_tỉnh_decide(string user)
    {
        var ngoId = await ProposedAsync();
        using var client = system.Monitoring.ClientAs(user);
        await RecognitionDriver.Problem(await Decide(client, ngoId, new { outcome = "Commended", decisionNumber = "1/QĐ" }), HttpStatusCode.Forbidden);
        using var foreign = MonitoringScenario.Another(system, Roles.DecisionMaker, "SNV");
        await RecognitionDriver.Problem(await Decide(foreign, ngoId, new { outcome = "Commended", decisionNumber = "1/QĐ" }), HttpStatusCode.Forbidden);
    }
}
