using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>POST /plan-tasks/{id}/contribution: an agency writes its part of the narrative report (the latest counts).</summary>
public sealed class WritePlanTaskContributionTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly PlanTaskDriver tasks = new(system);

    [Fact]
    public async Task Each_agency_writes_its_part_and_may_rewrite_it()
    {
        var task = await tasks.Create(PlanTaskDriver.Task("Báo cáo tình hình an ninh", "CAT", ["SYT"], new DateOnly(2026, 12, 31)));
        await tasks.Contribute("security.officer", task.Id, "Bản nháp.");
        await tasks.Contribute("health.proposer", task.Id, "Sở Y tế phối hợp kiểm tra 3 dự án y tế.");
        var view = await tasks.Contribute("security.officer", task.Id, "Không phát hiện vi phạm về an ninh trật tự.");
        Assert.Equal(["CAT:Không phát hiện vi phạm về an ninh trật tự.", "SYT:Sở Y tế phối hợp kiểm tra 3 dự án y tế."],
            view.Contributions.Select(c => $"{c.Agency}:{c.Text}"));
    }

    [Fact]
    public async Task Outsiders_and_empty_texts_are_refused()
    {
        var task = await tasks.Create(PlanTaskDriver.Task("T", "CAT", [], new DateOnly(2026, 12, 31)));
        Assert.Equal(HttpStatusCode.Forbidden, (await tasks.As("appraiser").PostAsJsonAsync($"/plan-tasks/{task.Id}/contribution", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tasks.As("auditor").PostAsJsonAsync($"/plan-tasks/{task.Id}/contribution", new { text = "x" })).StatusCode);
        var empty = await tasks.As("security.officer").PostAsJsonAsync($"/plan-tasks/{task.Id}/contribution", new { text = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }
}
