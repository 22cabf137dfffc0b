using System.IdentityModel.Tokens.Jwt;
using Aid.Portal.Account;
using Aid.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.UnitTests.WebPortal;

/// <summary>The portal's server-side sessions: the token stays in the portal, is minted again before its 15 minutes
/// run out while the session lives, and nothing is handed out once the session is removed or has ended.</summary>
public sealed class PortalSessionsTests
{
    private readonly Clock clock = new();
    private readonly DevelopmentIssuer issuer = DevelopmentIssuer.Create(DevelopmentIssuer.NewKey());
    private readonly PortalSessions sessions;

    public PortalSessionsTests() =>
        sessions = new PortalSessions(clock, new ServiceCollection().AddSingleton(issuer).BuildServiceProvider());

    private async Task<(string Key, AuthenticationTicket Ticket)> SignInAsync()
    {
        var user = DevelopmentUser.ByName("auditor");
        var ticket = new AuthenticationTicket(SignInSetup.PrincipalOf(user, issuer.Mint(user)),
            new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow().AddHours(8) }, "Cookies");
        return (await sessions.StoreAsync(ticket), ticket);
    }

    [Fact]
    public async Task The_token_stays_in_the_portal_and_is_renewed_while_the_session_lives()
    {
        var (key, ticket) = await SignInAsync();
        Assert.Null(ticket.Principal.FindFirst(SignInSetup.AccessTokenClaim));
        var first = sessions.AccessTokenOf(ticket.Principal);
        Assert.NotNull(first);

        clock.Now += TimeSpan.FromMinutes(5);
        Assert.Equal(first, sessions.AccessTokenOf(ticket.Principal));

        clock.Now += TimeSpan.FromMinutes(8);
        await Task.Delay(1100); // tokens carry their issue time in whole seconds: a new one must differ
        var renewed = sessions.AccessTokenOf(ticket.Principal);
        Assert.NotEqual(first, renewed);
        Assert.Equal("auditor", new JwtSecurityTokenHandler().ReadJwtToken(renewed).Subject);
        Assert.Same(ticket, await sessions.RetrieveAsync(key));
    }

    [Fact]
    public async Task A_removed_or_ended_session_gives_nothing()
    {
        var (removed, signedOut) = await SignInAsync();
        await sessions.RemoveAsync(removed);
        Assert.Null(await sessions.RetrieveAsync(removed));
        Assert.Null(sessions.AccessTokenOf(signedOut.Principal));

        var (ended, expired) = await SignInAsync();
        clock.Now += TimeSpan.FromHours(8);
        Assert.Null(await sessions.RetrieveAsync(ended));
        Assert.Null(sessions.AccessTokenOf(expired.Principal));
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
