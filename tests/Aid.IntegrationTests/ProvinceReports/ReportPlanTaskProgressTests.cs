using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>POST /plan-tasks/{id}/progress: each agency reports its own part; who is late follows.</summary>
public sealed class ReportPlanTaskProgressTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly PlanTaskDriver tasks = new(system);

    [Fact]
    public async Task Agencies_report_their_own_progress_and_the_late_ones_are_named()
    {
        var task = await tasks.Create(PlanTaskDriver.Task("Kiểm tra dự án y tế", "CAT", ["STC", "SYT"], new DateOnly(2026, 6, 30)));
        await tasks.Progress("security.officer", task.Id, 50);
        var view = await tasks.Progress("appraiser", task.Id, 100, "Đã xong phần thẩm định.");
        Assert.Equal(["CAT:50", "STC:100"], view.Progress.Select(p => $"{p.Agency}:{p.Percent}"));
        // Overdue, lead not done: the lead, and the partner that never reported.
        Assert.Equal(["CAT", "SYT"], view.LateAgencies);

        await tasks.Progress("health.proposer", task.Id, 10);
        view = await tasks.Progress("security.officer", task.Id, 100, "Hoàn thành.");
        Assert.True(view.Done);
        Assert.Empty(view.LateAgencies);
        var refused = await tasks.As("appraiser").PostAsJsonAsync($"/plan-tasks/{task.Id}/progress", new { percent = 100, note = "n" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task An_agency_outside_the_task_is_refused_and_progress_does_not_go_back()
    {
        var task = await tasks.Create(PlanTaskDriver.Task("Tổng hợp số liệu", "SNV", ["SYT"], new DateOnly(2026, 12, 31)));
        var outsider = await tasks.As("appraiser").PostAsJsonAsync($"/plan-tasks/{task.Id}/progress", new { percent = 10, note = "n" });
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        Assert.Equal("not-an-agency-of-the-task", (await PlanTaskDriver.Problem(outsider)).GetProperty("code").GetString());

        await tasks.Progress("monitoring.officer", task.Id, 60);
        var back = await tasks.As("mobilisation.officer").PostAsJsonAsync($"/plan-tasks/{task.Id}/progress", new { percent = 40, note = "n" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, back.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tasks.As("auditor").PostAsJsonAsync($"/plan-tasks/{task.Id}/progress", new { percent = 70, note = "n" })).StatusCode);
    }

    [Theory]
    [InlineData(101, "n", "percent")]
    [InlineData(-1, "n", "percent")]
    [InlineData(10, "", "note")]
    public async Task Bad_progress_answers_400(int percent, string note, string field)
    {
        var task = await tasks.Create(PlanTaskDriver.Task("T", "CAT", [], new DateOnly(2026, 12, 31)));
        var response = await tasks.As("security.officer").PostAsJsonAsync($"/plan-tasks/{task.Id}/progress", new { percent, note });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await PlanTaskDriver.Problem(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_unknown_task_answers_404_and_a_stale_version_409()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await tasks.As("security.officer").PostAsJsonAsync($"/plan-tasks/{Guid.NewGuid()}/progress", new { percent = 1, note = "n" })).StatusCode);
        var task = await tasks.Create(PlanTaskDriver.Task("T2", "CAT", [], new DateOnly(2026, 12, 31)));
        await tasks.Progress("security.officer", task.Id, 10);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/plan-tasks/{task.Id}/progress") { Content = JsonContent.Create(new { percent = 20, note = "n" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.Conflict, (await tasks.As("security.officer").SendAsync(stale)).StatusCode);
    }
}
