using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Monitoring.PlanTasks;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>POST /plan-tasks: Sở Ngoại vụ puts the plan's tasks on record.</summary>
public sealed class CreatePlanTaskTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly PlanTaskDriver tasks = new(system);

    [Fact]
    public async Task A_mobilisation_officer_records_a_task_that_the_agencies_then_read()
    {
        var created = await tasks.Create(PlanTaskDriver.Task("Rà soát hoạt động của các tổ chức PCPNN", "CAT", ["STC", "SYT"], new DateOnly(2026, 6, 30)));
        Assert.Equal(("CAT", "STC,SYT", "Báo cáo chuyên đề", 1L), (created.LeadAgency, string.Join(",", created.PartnerAgencies), created.Product, created.Version));

        foreach (var reader in new[] { "security.officer", "appraiser", "health.proposer", "auditor", "decision.maker" })
        {
            var list = await tasks.As(reader).GetFromJsonAsync<List<PlanTaskView>>("/plan-tasks?year=2026", ProvinceYearDriver.Json);
            Assert.Contains(list!, t => t.Id == created.Id);
        }
        var one = await tasks.Manager.GetFromJsonAsync<PlanTaskView>($"/plan-tasks/{created.Id}", ProvinceYearDriver.Json);
        // Past its due date with nothing reported: every agency of the task is late.
        Assert.Equal(["CAT", "STC", "SYT"], one!.LateAgencies);
    }

    [Theory]
    [InlineData("monitoring.officer")]
    [InlineData("security.officer")]
    [InlineData("auditor")]
    [InlineData("admin")]
    [InlineData("commune.proposer")]
    public async Task Only_mobilisation_officers_create_tasks(string user)
    {
        var response = await tasks.As(user).PostAsJsonAsync("/plan-tasks", PlanTaskDriver.Task("T", "CAT", [], new DateOnly(2026, 6, 30)));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Ngo_staff_and_strangers_neither_create_nor_read()
    {
        var ngo = system.Monitoring.ClientAs(Aid.ServiceDefaults.Identity.DevelopmentUser.NgoStaff(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Forbidden, (await ngo.GetAsync("/plan-tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Monitoring.CreateClient().GetAsync("/plan-tasks")).StatusCode);
    }

    [Fact]
    public async Task Bad_tasks_answer_400_naming_each_field()
    {
        var response = await tasks.Manager.PostAsJsonAsync("/plan-tasks", new
        {
            year = 1990, title = "", leadAgency = "XYZ", partnerAgencies = new[] { "CAT", "CAT" }, product = "p",
            startOn = new DateOnly(2026, 5, 1), dueOn = new DateOnly(2026, 4, 1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await PlanTaskDriver.Problem(response)).GetProperty("errors");
        foreach (var field in new[] { "year", "title", "leadAgency", "partnerAgencies", "dueOn" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field}: {errors}");
    }
}
