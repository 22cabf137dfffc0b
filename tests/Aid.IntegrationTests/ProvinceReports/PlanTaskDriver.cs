using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Monitoring.PlanTasks;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>Plan tasks through Monitoring's API, as Sở Ngoại vụ and the agencies' officers use it.</summary>
public sealed class PlanTaskDriver(AidSystem system)
{
    public HttpClient Manager => system.Monitoring.ClientAs("mobilisation.officer");
    public HttpClient As(string user) => system.Monitoring.ClientAs(user);

    public static object Task(string title, string lead, string[] partners, DateOnly due, int year = 2026) => new
    {
        year, title, leadAgency = lead, partnerAgencies = partners, product = "Báo cáo chuyên đề", startOn = new DateOnly(year, 1, 15), dueOn = due,
    };

    public async Task<PlanTaskView> Create(object body)
    {
        var response = await Manager.PostAsJsonAsync("/plan-tasks", body, ProvinceYearDriver.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PlanTaskView>(ProvinceYearDriver.Json))!;
    }

    public async Task<PlanTaskView> Progress(string user, Guid id, int percent, string note = "Đang thực hiện.") =>
        await Ok(await As(user).PostAsJsonAsync($"/plan-tasks/{id}/progress", new { percent, note }, ProvinceYearDriver.Json));

    public async Task<PlanTaskView> Contribute(string user, Guid id, string text) =>
        await Ok(await As(user).PostAsJsonAsync($"/plan-tasks/{id}/contribution", new { text }, ProvinceYearDriver.Json));

    public static async Task<PlanTaskView> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<PlanTaskView>(body, ProvinceYearDriver.Json)!;
    }

    public static async Task<JsonElement> Problem(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
