using System.Net;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.Foundation;

/// <summary>Every service answers health (ready = its database and broker answer) and documents its API.</summary>
public sealed class ServiceEndpointsTests(AidSystem system) : IClassFixture<AidSystem>
{
    public static TheoryData<string> Services => ["registration", "security", "appraisal", "monitoring"];

    private HttpClient ClientFor(string service, string? user = null) =>
        user is null ? system.Service(service).CreateClient() : system.Service(service).ClientAs(user);

    [Theory, MemberData(nameof(Services))]
    public async Task Is_live_and_ready_with_its_database_and_broker(string service)
    {
        using var client = ClientFor(service);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        var ready = await Eventually.Returns(async () =>
        {
            var response = await client.GetAsync("/health/ready");
            return response.StatusCode == HttpStatusCode.OK ? response : null;
        }, $"{service} to be ready");
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["postgres"]);
        Assert.Contains(checks, c => c.Key.Contains("masstransit") && c.Value == "Healthy");
    }

    [Theory, MemberData(nameof(Services))]
    public async Task Publishes_an_OpenAPI_document_to_signed_in_users_only(string service)
    {
        using var anonymous = ClientFor(service);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);

        using var client = ClientFor(service, "auditor");
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
    }
}
