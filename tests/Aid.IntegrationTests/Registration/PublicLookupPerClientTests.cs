using System.Net;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>Behind a trusted proxy (the portal, ForwardedHeaders:KnownProxies) the lookup limit counts each user by the
/// address the proxy forwards, so one user's guessing does not shut the lookup for everyone else.</summary>
public sealed class PublicLookupPerClientTests(PublicLookupPerClientTests.BehindThePortal system)
    : IClassFixture<PublicLookupPerClientTests.BehindThePortal>
{
    /// <summary>The test server's peer is loopback, as the portal is to the service in deploy/run.</summary>
    public sealed class BehindThePortal : AidSystem
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } =
            new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" };
    }

    [Fact]
    public async Task Each_forwarded_client_has_its_own_ten_lookups_a_minute()
    {
        using var portal = system.Registration.CreateClient();
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
            first.Add((await LookUpFor(portal, "203.0.113.7", $"SNV-19990303-{i:000}")).StatusCode);
        Assert.All(first.Take(10), a => Assert.Equal(HttpStatusCode.NotFound, a));
        var cutOff = await LookUpFor(portal, "203.0.113.7", "SNV-19990303-099");
        Assert.Equal(HttpStatusCode.TooManyRequests, cutOff.StatusCode);
        using (var problem = JsonDocument.Parse(await cutOff.Content.ReadAsStringAsync()))
            Assert.Equal("too-many-lookups", problem.RootElement.GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await LookUpFor(portal, "203.0.113.8", "SNV-19990303-100")).StatusCode);
    }

    private static Task<HttpResponseMessage> LookUpFor(HttpClient portal, string user, string code)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/public/status?code={code}&secret=GUESS");
        request.Headers.Add("X-Forwarded-For", user);
        return portal.SendAsync(request);
    }
}
