using System.Net.Http.Json;
using System.Text.Json;
using Aid.Appraisal.Appraisals;
using Aid.IntegrationTests.Infrastructure;
using Aid.Domain.Calendar;
using Xunit;

namespace Aid.IntegrationTests.AppraisalTests;

/// <summary>
/// Work queues, statistics and overdue flagging. One test, because it moves the clock every service of this class
/// sees: before the move the queues show everything on time; after it, each stage is flagged overdue exactly once.
/// </summary>
public sealed class DeadlinesTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly AppraisalDriver driver = new(system);

    [Fact]
    public async Task Queues_list_oldest_deadline_first_and_stages_are_flagged_overdue_as_they_become_overdue()
    {
        var awaitingOpinion = await driver.OpenAppraisalAsync();
        var justOpened = await driver.OpenAppraisalAsync();
        var reported = await driver.ReportedAsync();
        using var appraiser = system.Appraisal.ClientAs("appraiser");
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        using var auditor = system.Appraisal.ClientAs("auditor");
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{awaitingOpinion}/opinion-requests",
            new { departments = new[] { "Sở Ngoại vụ", "Sở Y tế" } }));

        // Before: on time, the opinions stage (10 working days) ahead of a fresh appraisal (30).
        var queue = await Entries(appraiser, "/appraisals/queue");
        var dossiers = queue.Select(e => e.GetProperty("dossierId").GetGuid()).ToList();
        Assert.Equal([awaitingOpinion, justOpened], dossiers);
        Assert.Equal("Opinions", queue[0].GetProperty("stage").GetString());
        Assert.Equal(10, queue[0].GetProperty("workingDaysLeft").GetInt32());
        Assert.Equal("OnTime", queue[0].GetProperty("flag").GetString());
        Assert.Equal(30, queue[1].GetProperty("workingDaysLeft").GetInt32());
        Assert.DoesNotContain(queue, e => e.GetProperty("dossierId").GetGuid() == reported);

        var decisions = await Entries(decisionMaker, "/decisions/queue");
        var waiting = Assert.Single(decisions);
        Assert.Equal(reported, waiting.GetProperty("dossierId").GetGuid());
        Assert.Equal(5, waiting.GetProperty("workingDaysLeft").GetInt32());
        Assert.Equal(decisions.Count, (await Entries(auditor, "/decisions/queue")).Count);

        // After 90 days every running stage is past its due date.
        system.Clock.Advance(TimeSpan.FromDays(90));
        await driver.UntilAsync(awaitingOpinion, a => a.OpinionsStage!.OverdueFlagged && a.AppraisalStage!.OverdueFlagged,
            "the opinions and appraisal stages to be flagged");
        await driver.UntilAsync(justOpened, a => a.AppraisalStage!.OverdueFlagged, "the appraisal stage to be flagged");
        await driver.UntilAsync(reported, a => a.DecisionStage!.OverdueFlagged, "the decision stage to be flagged");
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few more scans: still flagged once
        var flags = (await driver.EventsAsync(awaitingOpinion)).Select(e => e.Data).OfType<StageBecameOverdue>().ToList();
        Assert.Equal([Stage.Opinions, Stage.Appraisal], flags.Select(f => f.Stage).Order().ToList());
        Assert.Single((await driver.EventsAsync(reported)).Select(e => e.Data).OfType<StageBecameOverdue>());

        queue = await Entries(appraiser, "/appraisals/queue");
        Assert.All(queue, e => Assert.Equal("Overdue", e.GetProperty("flag").GetString()));
        Assert.All(queue, e => Assert.True(e.GetProperty("workingDaysLeft").GetInt32() < 0));

        // The unanswered opinions are past due: the report may be issued now, and the appraisal ended late.
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{awaitingOpinion}/report", new { recommendation = "Approve" }));
        var late = await driver.LoadAsync(awaitingOpinion);
        Assert.False(late!.AppraisalStage!.EndedOnTime);
        Assert.False(late.OpinionsStage!.EndedOnTime);

        var today = AppraisalDriver.Today.AddDays(90);
        var period = $"from={today.AddDays(-120):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var appraisalStats = await auditor.GetFromJsonAsync<JsonElement>($"/appraisals/statistics?{period}");
        Assert.Equal(3, appraisalStats.GetProperty("received").GetInt32());
        Assert.Equal(1, appraisalStats.GetProperty("inProgress").GetProperty("overdue").GetInt32());
        Assert.Equal(1, appraisalStats.GetProperty("completed").GetProperty("late").GetInt32());
        Assert.Equal(1, appraisalStats.GetProperty("completed").GetProperty("onTime").GetInt32());
        Assert.Equal(0.5, appraisalStats.GetProperty("onTimeRate").GetDouble());

        var decisionStats = await decisionMaker.GetFromJsonAsync<JsonElement>($"/decisions/statistics?{period}");
        Assert.Equal(2, decisionStats.GetProperty("received").GetInt32());
        Assert.Equal(2, decisionStats.GetProperty("inProgress").GetProperty("total").GetInt32());
        Assert.Equal(1, decisionStats.GetProperty("inProgress").GetProperty("overdue").GetInt32());
        Assert.Equal(JsonValueKind.Null, decisionStats.GetProperty("onTimeRate").ValueKind);

        // Deciding now ends the decision stage late.
        await AppraisalDriver.Ok(decisionMaker.PostAsJsonAsync($"/decisions/{reported}/refuse", new { reasons = "Quá hạn thực hiện" }));
        Assert.False((await driver.LoadAsync(reported))!.DecisionStage!.EndedOnTime);
    }

    private static async Task<List<JsonElement>> Entries(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url + "?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
}
