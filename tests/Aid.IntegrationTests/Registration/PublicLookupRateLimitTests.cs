using System.Net;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>The anonymous public lookup is rate limited (PublicLookup:PermitsPerMinute, 10 by default).</summary>
public sealed class PublicLookupRateLimitTests(AidSystem system) : IClassFixture<AidSystem>
{
    [Fact]
    public async Task Guessing_secrets_is_cut_off_after_ten_tries_a_minute()
    {
        using var anonymous = system.Registration.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            answers.Add((await anonymous.GetAsync($"/public/status?code=SNV-20261123-001&secret=GUESS{i:000}")).StatusCode);
        Assert.All(answers.Take(10), a => Assert.Equal(HttpStatusCode.NotFound, a));
        Assert.All(answers.Skip(10), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
    }
}
