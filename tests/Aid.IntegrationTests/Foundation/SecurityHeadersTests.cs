using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Xunit;

namespace Aid.IntegrationTests.Foundation;

/// <summary>Every answer of every service, refusals and failures included, carries the security headers set once in
/// ServiceDefaults (Web/SecurityHeaders.cs).</summary>
public sealed class SecurityHeadersTests(AidSystem system) : IClassFixture<AidSystem>
{
    public static TheoryData<string> Services => ["registration", "security", "appraisal", "monitoring"];

    [Theory, MemberData(nameof(Services))]
    public async Task Answers_of_every_kind_carry_the_security_headers(string service)
    {
        var factory = system.Service(service);
        using var anonymous = factory.CreateClient();
        using var auditor = factory.ClientAs("auditor");
        var answers = new[]
        {
            await anonymous.GetAsync("/health/live"),
            await anonymous.GetAsync("/openapi/v1.json"),                                   // 401
            await auditor.GetAsync("/openapi/v1.json"),                                     // 200 JSON
            await auditor.GetAsync($"/audit/dossiers/{Guid.NewGuid()}/events"),             // 404 problem
            await auditor.PostAsJsonAsync("/no/such/route", new { }),                      // 404 bare
            await anonymous.GetAsync("/dev/token?user=ngo.staff&ngo=not-a-guid"),           // 400 problem
        };
        foreach (var answer in answers)
        {
            var what = $"{answer.RequestMessage!.RequestUri} ({(int)answer.StatusCode})";
            Assert.True(answer.Headers.TryGetValues("Content-Security-Policy", out var csp), what);
            Assert.Contains("default-src 'none'", csp!.Single());
            Assert.Contains("frame-ancestors 'none'", csp!.Single());
            Assert.Equal("nosniff", Assert.Single(answer.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(answer.Headers.GetValues("Referrer-Policy")));
            Assert.Contains("camera=()", Assert.Single(answer.Headers.GetValues("Permissions-Policy")));
        }
    }

    [Theory, InlineData("https://aid.example/", true), InlineData("http://aid.example/", false)]
    public async Task Cookies_are_Secure_whenever_the_request_came_over_HTTPS(string address, bool secure)
    {
        // The portal's pipeline piece, on its own: a cookie set by any endpoint (culture, sign-in, anti-forgery).
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        app.UseSecurityHeaders(SecurityHeaders.ApiPolicy);
        app.MapGet("/", (HttpContext http) => http.Response.Cookies.Append("any", "value"));
        await app.StartAsync();
        using var client = app.GetTestClient();
        client.BaseAddress = new Uri(address);

        var cookie = Assert.Single((await client.GetAsync("/")).Headers.GetValues("Set-Cookie"));
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
