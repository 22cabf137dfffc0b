using System.Net;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.Desks;

/// <summary>Every work queue takes the same query parameters and refuses a wrong one with a problem naming it.</summary>
public sealed class QueueParameterTests(AidSystem system) : IClassFixture<AidSystem>
{
    public static readonly TheoryData<string, string, string> Queues = new()
    {
        { "registration", "/dossiers/queue", "intake.officer" },
        { "security", "/security-reviews/queue", "security.officer" },
        { "appraisal", "/appraisals/queue", "appraiser" },
        { "appraisal", "/decisions/queue", "decision.maker" },
        { "monitoring", "/projects/queue", "monitoring.officer" },
    };

    public static TheoryData<string, string, string, string, string> BadParameters()
    {
        var data = new TheoryData<string, string, string, string, string>();
        var bad = new (string Query, string Field)[]
        {
            ("q=" + new string('a', 101), "q"), ("flag=Late", "flag"), ("flag=2", "flag"), ("aidKind=Loan", "aidKind"),
            ("stage=Nonsense", "stage"), ("stage=Decision", "stage"), ("sort=date", "sort"), ("page=0", "page"), ("page=abc", "page"),
            ("pageSize=101", "pageSize"), ("pageSize=0", "pageSize"), ("pageSize=-5", "pageSize"),
        };
        foreach (var row in Queues)
            foreach (var (query, field) in bad)
                if (!(field == "stage" && query == "stage=Decision" && (string)row[1] == "/decisions/queue"))
                    data.Add((string)row[0], (string)row[1], (string)row[2], query, field);
        return data;
    }

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task A_wrong_parameter_is_refused_naming_it(string service, string path, string user, string query, string field)
    {
        using var client = system.Service(service).ClientAs(user);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.GetAsync($"{path}?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}?{query}: {response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Theory]
    [MemberData(nameof(Queues))]
    public async Task Without_parameters_a_queue_answers_its_first_page(string service, string path, string user)
    {
        using var client = system.Service(service).ClientAs(user);
        var page = JsonDocument.Parse(await client.GetStringAsync(path)).RootElement;
        Assert.Equal((1, 25), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32()));
        Assert.Equal(JsonValueKind.Array, page.GetProperty("items").ValueKind);
        Assert.True(page.GetProperty("total").GetInt32() >= page.GetProperty("items").GetArrayLength());
    }
}
