using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults.Identity;
using Xunit;

namespace Aid.IntegrationTests.Foundation;

/// <summary>
/// Every refusal is RFC 9457 problem details that never names the service's .NET types: each operation of each
/// service's OpenAPI document is sent the usual mistakes (no body, wrong content type, broken or wrong-shaped JSON,
/// unknown ids), as a user its authorization lets through, and every answer is checked.
/// </summary>
public sealed partial class ProblemDetailsTests(AidSystem system) : IClassFixture<AidSystem>
{
    private static readonly (string? ContentType, string Body)[] BadBodies =
    [
        (null, ""), ("text/plain", "hello"), ("application/json", ""), ("application/json", "["), ("application/json", "[]"),
        ("application/json", "\"text\""), ("application/json", "{\"notAField\":1}"), ("application/json", "{\"a\":1,\"a\":2}"),
        ("application/json", "{}"), ("application/xml", "<a/>"),
    ];

    // Browsers ask for HTML, scripts often for anything: the answer is problem details whatever was asked for.
    private static readonly string?[] Accepts = [null, "text/html,application/xhtml+xml", "text/plain", "application/xml", "*/*"];

    // A .NET type's or namespace's name: Aid.Registration.Ngos.RegisterNgoRequest, System.Text.Json, MonitoredProject.
    [GeneratedRegex(@"\b(Aid|System|Microsoft|Marten|JasperFx|MassTransit|Npgsql)\.[A-Z]|Exception\b|\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(Request|Command|Query|State|Project|Review|Entry|Plan|Dossier|Ngo|Criteria)\b|\bat [A-Z]\w+\.")]
    private static partial Regex TypeName();

    public static TheoryData<string> Services => ["registration", "security", "appraisal", "monitoring"];

    [Theory, MemberData(nameof(Services))]
    public async Task Bad_requests_to_every_operation_answer_problem_details_without_type_names(string service)
    {
        var factory = system.Service(service);
        var checkedAnswers = 0;
        foreach (var (method, path) in await OperationsAsync(factory))
        {
            using var client = await ClientLetThroughAsync(factory, method, path);
            if (method == HttpMethod.Get || method == HttpMethod.Delete)
            {
                checkedAnswers += await CheckAsync(client, new HttpRequestMessage(method, path));
                continue;
            }
            foreach (var ((contentType, body), i) in BadBodies.Select((b, i) => (b, i)))
            {
                var request = new HttpRequestMessage(method, path);
                if (Accepts[i % Accepts.Length] is { } accept)
                    request.Headers.TryAddWithoutValidation("Accept", accept);
                if (contentType is not null)
                    request.Content = new StringContent(body, Encoding.UTF8, contentType);
                checkedAnswers += await CheckAsync(client, request);
            }
        }
        Assert.True(checkedAnswers >= 20, $"only {checkedAnswers} refusals checked on {service}");
    }

    [Theory, MemberData(nameof(Services))]
    public async Task Malformed_addresses_and_queries_answer_problem_details_without_type_names(string service)
    {
        var factory = system.Service(service);
        using var auditor = factory.ClientAs("auditor");
        using var anonymous = factory.CreateClient();
        foreach (var path in new[]
                 {
                     "/dev/token", "/dev/token?user=nobody", "/dev/token?user=ngo.staff&ngo=not-a-guid",
                     "/dev/token?user=security.officer&ngo=" + Guid.NewGuid(), "/public/status", "/public/status?code=x",
                     "/audit/dossiers/not-a-guid/events", "/audit/dossiers/" + Guid.NewGuid() + "/events",
                     "/audit/dossiers/" + Guid.NewGuid() + "/as-of?at=yesterday", "/audit/verify?from=x",
                     "/admin/refusals?hours=many", "/no/such/route",
                 })
            foreach (var accept in Accepts)
            {
                var asAuditor = new HttpRequestMessage(HttpMethod.Get, path);
                var asAnyone = new HttpRequestMessage(HttpMethod.Get, path);
                if (accept is not null)
                {
                    asAuditor.Headers.TryAddWithoutValidation("Accept", accept);
                    asAnyone.Headers.TryAddWithoutValidation("Accept", accept);
                }
                await CheckAsync(auditor, asAuditor);
                await CheckAsync(anonymous, asAnyone);
            }
    }

    /// <summary>1 when the answer was a refusal (and is checked), 0 when the request happened to be accepted.</summary>
    private static async Task<int> CheckAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var what = $"{request.Method} {request.RequestUri} ({request.Content?.Headers.ContentType}, accept {request.Headers.Accept}) answered {(int)response.StatusCode}: {body}";
        Assert.True((int)response.StatusCode < 500, what);
        if ((int)response.StatusCode < 400)
            return 0;
        Assert.False(TypeName().IsMatch(body), what);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", what);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
        return 1;
    }

    private static async Task<List<(HttpMethod, string)>> OperationsAsync(IServiceClient factory)
    {
        using var auditor = factory.ClientAs("auditor");
        using var document = JsonDocument.Parse(await auditor.GetStringAsync("/openapi/v1.json"));
        var operations = new List<(HttpMethod, string)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
                operations.Add((new HttpMethod(operation.Name.ToUpperInvariant()), Concrete(path.Name, operation.Value)));
        Assert.NotEmpty(operations);
        return operations;
    }

    /// <summary>Route parameters filled with values of their type that name nothing that exists.</summary>
    private static string Concrete(string template, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        return Regex.Replace(template, @"\{(\w+)\}", m =>
        {
            var schema = parameters.FirstOrDefault(p => p.GetProperty("name").GetString() == m.Groups[1].Value);
            var type = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("schema", out var s) ? s.ToString() : "";
            return type.Contains("uuid") ? Guid.NewGuid().ToString() : type.Contains("integer") ? "2026" : "SNV-20000101-001";
        });
    }

    private static readonly DevelopmentUser[] Candidates = [.. DevelopmentUser.Named, DevelopmentUser.NgoStaff(Guid.NewGuid())];

    /// <summary>A client as the first user whose request gets past authorization (a refusal there would hide binding).</summary>
    private static async Task<HttpClient> ClientLetThroughAsync(IServiceClient factory, HttpMethod method, string path)
    {
        foreach (var user in Candidates)
        {
            var client = factory.ClientAs(user);
            using var probe = await client.SendAsync(new HttpRequestMessage(method, path)
            {
                Content = method == HttpMethod.Get ? null : new StringContent("[", Encoding.UTF8, "application/json"),
            });
            if (probe.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized))
                return client;
            client.Dispose();
        }
        return factory.CreateClient();
    }
}
