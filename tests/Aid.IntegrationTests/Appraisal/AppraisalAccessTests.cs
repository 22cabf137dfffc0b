using System.Net;
using System.Net.Http.Json;
using System.Text;
using Aid.Appraisal.Appraisals;
using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Xunit;
using Aid.Contracts.Appraisal;

namespace Aid.IntegrationTests.AppraisalTests;

/// <summary>Who may do what on the appraisal service: appraisers appraise, decision-makers decide, auditors read.</summary>
public sealed class AppraisalAccessTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly AppraisalDriver driver = new(system);

    private static readonly DevelopmentUser Ngo = DevelopmentUser.NgoStaff(Guid.NewGuid());
    /// <summary>Holds the appraiser role, but for another agency: refused like anyone else.</summary>
    private static readonly DevelopmentUser AppraiserOfAnotherAgency = new("rogue", "Rogue", Roles.Appraiser, Agencies.ForeignAffairs.Code);
    private static readonly DevelopmentUser DecisionMakerOfAnotherAgency = new("rogue2", "Rogue", Roles.DecisionMaker, Agencies.Finance.Code);

    private static readonly string[] Everyone =
        ["intake.officer", "security.officer", "appraiser", "decision.maker", "monitoring.officer", "auditor", "cleared.auditor", "admin"];

    private HttpClient Client(string user) => user switch
    {
        "ngo" => system.Appraisal.ClientAs(Ngo),
        "rogue.appraiser" => system.Appraisal.ClientAs(AppraiserOfAnotherAgency),
        "rogue.decision.maker" => system.Appraisal.ClientAs(DecisionMakerOfAnotherAgency),
        _ => system.Appraisal.ClientAs(user),
    };

    public static TheoryData<string, string, string[]> Reads => new()
    {
        { "/appraisals/{id}", "GET", ["appraiser", "decision.maker", "auditor", "cleared.auditor"] },
        { "/appraisals/queue", "GET", ["appraiser", "auditor", "cleared.auditor"] },
        { "/decisions/queue", "GET", ["decision.maker", "auditor", "cleared.auditor"] },
        { "/appraisals/statistics?from=2026-01-01&to=2026-12-31", "GET", ["appraiser", "decision.maker", "auditor", "cleared.auditor"] },
        { "/decisions/statistics?from=2026-01-01&to=2026-12-31", "GET", ["appraiser", "decision.maker", "auditor", "cleared.auditor"] },
    };

    [Theory, MemberData(nameof(Reads))]
    public async Task Reads_are_for_the_owning_agencies_and_auditors(string path, string method, string[] allowed)
    {
        var id = await driver.OpenAppraisalAsync();
        var url = path.Replace("{id}", id.ToString());
        foreach (var user in Everyone.Append("ngo").Append("rogue.appraiser").Append("rogue.decision.maker"))
        {
            using var client = Client(user);
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
            var expected = allowed.Contains(user) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{user} {method} {url}: {(int)response.StatusCode}");
        }
        using var anonymous = system.Appraisal.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
    }

    public static TheoryData<string, string> Commands => new()
    {
        { "/appraisals/{id}/opinion-requests", """{"departments":["Sở Ngoại vụ"]}""" },
        { "/appraisals/{id}/opinions", """{"department":"Sở Ngoại vụ","opinionDate":"2026-11-23","text":"ok","stance":"Supports"}""" },
        { "/appraisals/{id}/report", """{"recommendation":"Approve"}""" },
        { "/decisions/{id}/approve", """{"decisionNumber":"1/QĐ","decisionDate":"2026-11-23","signer":"A"}""" },
        { "/decisions/{id}/refuse", """{"reasons":"x"}""" },
        { "/decisions/{id}/forward", """{}""" },
    };

    [Theory, MemberData(nameof(Commands))]
    public async Task Commands_are_refused_to_everyone_but_the_stage_owner_and_change_nothing(string path, string body)
    {
        var id = await driver.OpenAppraisalAsync();
        var owner = path.StartsWith("/appraisals") ? "appraiser" : "decision.maker";
        var before = (await driver.EventsAsync(id)).Count;
        foreach (var user in Everyone.Where(u => u != owner).Append("ngo").Append("rogue.appraiser").Append("rogue.decision.maker"))
        {
            using var client = Client(user);
            var response = await client.PostAsync(path.Replace("{id}", id.ToString()), new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} POST {path}: {(int)response.StatusCode}");
        }
        using var anonymous = system.Appraisal.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsync(path.Replace("{id}", id.ToString()), new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(before, (await driver.EventsAsync(id)).Count);
    }

    [Fact]
    public async Task An_unknown_appraisal_answers_404()
    {
        using var appraiser = Client("appraiser");
        await AppraisalDriver.Problem(await appraiser.GetAsync($"/appraisals/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");
        await AppraisalDriver.Problem(await appraiser.PostAsJsonAsync($"/appraisals/{Guid.NewGuid()}/opinion-requests",
            new { departments = new[] { "Sở Ngoại vụ" } }), HttpStatusCode.NotFound, "not-found");
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "/appraisals/{id}/opinion-requests", "{}", "departments" },
        { "/appraisals/{id}/opinion-requests", """{"departments":[]}""", "departments" },
        { "/appraisals/{id}/opinion-requests", """{"departments":[""]}""", "departments[0]" },
        { "/appraisals/{id}/opinion-requests", """{"departments":["Sở\u0007Ngoại vụ"]}""", "departments[0]" },
        { "/appraisals/{id}/opinion-requests", $$"""{"departments":["{{new string('x', 501)}}"]}""", "departments[0]" },
        { "/appraisals/{id}/opinion-requests", """{"departments":["A","a"]}""", "departments" },
        { "/appraisals/{id}/opinion-requests", """{"departments":"Sở Ngoại vụ"}""", "departments" },
        { "/appraisals/{id}/opinion-requests", """{"departments":["\ud800"]}""", "departments[0]" },
        { "/appraisals/{id}/opinions", """{"opinionDate":"2026-11-23","text":"ok","stance":"Supports"}""", "department" },
        { "/appraisals/{id}/opinions", """{"department":"Sở Ngoại vụ","opinionDate":"1999-12-31","text":"ok","stance":"Supports"}""", "opinionDate" },
        { "/appraisals/{id}/opinions", """{"department":"Sở Ngoại vụ","opinionDate":"2099-01-01","text":"ok","stance":"Supports"}""", "opinionDate" },
        { "/appraisals/{id}/opinions", """{"department":"Sở Ngoại vụ","opinionDate":"2026-13-45","text":"ok","stance":"Supports"}""", "opinionDate" },
        { "/appraisals/{id}/opinions", """{"department":"Sở Ngoại vụ","opinionDate":"2026-11-23","text":"ok","stance":"Maybe"}""", "stance" },
        { "/appraisals/{id}/opinions", $$"""{"department":"Sở Ngoại vụ","opinionDate":"2026-11-23","text":"{{new string('x', 4001)}}","stance":"Supports"}""", "text" },
        { "/appraisals/{id}/report", "{}", "recommendation" },
        { "/appraisals/{id}/report", """{"recommendation":"'; DROP TABLE mt_events; --"}""", "recommendation" },
        { "/appraisals/{id}/report", """{"recommendation":"ApproveWithConditions"}""", "conditions" },
        { "/appraisals/{id}/report", """{"recommendation":42}""", "recommendation" },
        { "/decisions/{id}/approve", """{"decisionDate":"2026-11-23","signer":"A"}""", "decisionNumber" },
        { "/decisions/{id}/approve", """{"decisionNumber":"1/QĐ","signer":"A"}""", "decisionDate" },
        { "/decisions/{id}/approve", """{"decisionNumber":"1/QĐ","decisionDate":"2200-01-01","signer":"A"}""", "decisionDate" },
        { "/decisions/{id}/approve", """{"decisionNumber":"1/QĐ","decisionDate":"2026-11-23","signer":"A\nB"}""", "signer" },
        { "/decisions/{id}/approve", """{"decisionNumber":"1/QĐ","decisionDate":"2026-11-23","signer":"A","conditions":[null]}""", "conditions[0]" },
        { "/decisions/{id}/refuse", "{}", "reasons" },
        { "/decisions/{id}/refuse", """{"reasons":"   "}""", "reasons" },
        { "/decisions/{id}/forward", $$"""{"note":"{{new string('x', 4001)}}"}""", "note" },
    };

    [Theory, MemberData(nameof(Malformed))]
    public async Task Malformed_input_is_answered_400_naming_the_field_and_changes_nothing(string path, string body, string field)
    {
        var id = await driver.OpenAppraisalAsync();
        var before = (await driver.EventsAsync(id)).Count;
        using var client = Client(path.StartsWith("/appraisals") ? "appraiser" : "decision.maker");
        var response = await client.PostAsync(path.Replace("{id}", id.ToString()), new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await AppraisalDriver.Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid-input", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var errors), problem.ToString());
        Assert.False(string.IsNullOrEmpty(errors[0].GetProperty("vi").GetString()));
        Assert.False(string.IsNullOrEmpty(errors[0].GetProperty("en").GetString()));
        Assert.Equal(before, (await driver.EventsAsync(id)).Count);
    }

    [Theory]
    [InlineData("not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("departments=x", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task Unreadable_bodies_are_answered_with_problem_details(string body, string contentType, HttpStatusCode status)
    {
        var id = await driver.OpenAppraisalAsync();
        using var client = Client("appraiser");
        var response = await client.PostAsync($"/appraisals/{id}/opinion-requests", new StringContent(body, Encoding.UTF8, contentType));
        await AppraisalDriver.Problem(response, status);
        Assert.Equal(AppraisalStatus.Appraising, (await driver.LoadAsync(id))!.Status);
        Assert.Empty((await driver.LoadAsync(id))!.OpinionRequests);
    }

    [Theory]
    [InlineData("/appraisals/statistics", "from")]
    [InlineData("/appraisals/statistics?from=2026-02-30&to=2026-03-01", "from")]
    [InlineData("/decisions/statistics?from=2026-03-01&to=2026-02-01", "to")]
    [InlineData("/decisions/statistics?from=2026-03-01&to=3000-01-01", "to")]
    public async Task Statistics_periods_are_validated(string url, string field)
    {
        using var auditor = Client("auditor");
        var problem = await AppraisalDriver.Problem(await auditor.GetAsync(url), HttpStatusCode.BadRequest, "invalid-input");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Every_endpoint_is_in_the_OpenAPI_document()
    {
        using var auditor = Client("auditor");
        var document = await auditor.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(new HashSet<string>
        {
            "/appraisals/{id}", "/appraisals/queue", "/appraisals/statistics", "/appraisals/{id}/opinion-requests",
            "/appraisals/{id}/opinions", "/appraisals/{id}/report", "/decisions/queue", "/decisions/statistics",
            "/decisions/{id}/approve", "/decisions/{id}/refuse", "/decisions/{id}/forward",
        }, paths.ToHashSet());
    }
}
