using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
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
        IServiceClient factory = service switch
        {
            "registration" => system.Registration,
            "security" => system.Security,
            "appraisal" => system.Appraisal,
            _ => system.Monitoring,
        };
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
}
