using System.Net;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>The anonymous public lookup is rate limited per client (PublicLookup:PermitsPerMinute, 10 by default); a
/// caller that is not a configured proxy cannot escape the limit by naming other clients in X-Forwarded-For.</summary>
public sealed class PublicLookupRateLimitTests(AidSystem system) : IClassFixture<AidSystem>
{
    [Fact]
    public async Task Guessing_is_cut_off_after_ten_tries_a_minute_whatever_address_an_untrusted_caller_forwards()
    {
        using var anonymous = system.Registration.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            // Another code each time, so that only the per-client limit can answer.
            var request = new HttpRequestMessage(HttpMethod.Get, $"/public/status?code=SNV-20261123-{i:000}&secret=GUESS");
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            answers.Add((await anonymous.SendAsync(request)).StatusCode);
        }
        Assert.All(answers.Take(10), a => Assert.Equal(HttpStatusCode.NotFound, a));
        Assert.All(answers.Skip(10), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
    }
}
