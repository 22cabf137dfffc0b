using System.Net;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>Per receipt code: five wrong secrets within 15 minutes lock that code for 15 minutes, for everyone and even
/// with the right secret ("try later", 429 lookup-locked); other codes are not affected.</summary>
public sealed class PublicLookupLockoutTests(PublicLookupLockoutTests.UnlimitedClients system)
    : IClassFixture<PublicLookupLockoutTests.UnlimitedClients>
{
    /// <summary>The per-client limit out of the way, so that only the per-code lockout answers.</summary>
    public sealed class UnlimitedClients : AidSystem
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } =
            new Dictionary<string, string> { ["PublicLookup:PermitsPerMinute"] = "1000" };
    }

    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task Five_wrong_secrets_lock_the_code_for_fifteen_minutes_even_for_the_right_secret()
    {
        var ngo = await api.RegisterNgoAsync();
        var locked = await api.SubmitAsync(ngo);
        var other = await api.SubmitAsync(ngo);
        using var anonymous = system.Registration.CreateClient();

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await LookUp(anonymous, locked.ReceiptCode, $"WRONG{i}")).StatusCode);

        var refused = await LookUp(anonymous, locked.ReceiptCode, locked.LookupSecret);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal("lookup-locked", problem.RootElement.GetProperty("code").GetString());
            Assert.Contains("15", problem.RootElement.GetProperty("en").GetProperty("detail").GetString());
            Assert.Contains("15 phút", problem.RootElement.GetProperty("vi").GetProperty("detail").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await LookUp(anonymous, other.ReceiptCode, other.LookupSecret)).StatusCode);

        system.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LookUp(anonymous, locked.ReceiptCode, locked.LookupSecret)).StatusCode);
        system.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await LookUp(anonymous, locked.ReceiptCode.ToLowerInvariant(), locked.LookupSecret)).StatusCode);
    }

    [Fact]
    public async Task A_code_that_does_not_exist_locks_the_same_way_so_a_lock_tells_nothing()
    {
        using var anonymous = system.Registration.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            answers.Add((await LookUp(anonymous, "SNV-19990101-042", $"GUESS{i}")).StatusCode);
        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.NotFound, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[5]);
    }

    [Fact]
    public async Task Wrong_secrets_spread_over_more_than_fifteen_minutes_do_not_lock()
    {
        using var anonymous = system.Registration.CreateClient();
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await LookUp(anonymous, "SNV-19990202-007", $"SLOW{i}")).StatusCode);
            system.Clock.Advance(TimeSpan.FromMinutes(4));
        }
    }

    private static Task<HttpResponseMessage> LookUp(HttpClient client, string code, string secret) =>
        client.GetAsync($"/public/status?code={Uri.EscapeDataString(code)}&secret={Uri.EscapeDataString(secret)}");
}
