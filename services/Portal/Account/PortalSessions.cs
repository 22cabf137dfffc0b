using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Aid.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;

namespace Aid.Portal.Account;

/// <summary>
/// Sessions held by the portal: the sign-in cookie carries only a random key, the claims and the access token stay
/// here. Signing out removes the session, so the cookie is worthless afterwards even if replayed, and open pages'
/// calls go out without a token. A development-issuer session gets a new short-lived token while it lives; a provider's
/// token is used as the provider issued it. Held in memory: one portal instance (see README, Portal).
/// </summary>
public sealed class PortalSessions(TimeProvider clock, IServiceProvider services) : ITicketStore
{
    public const string SessionClaim = "portal_session";
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(3);
    private readonly ConcurrentDictionary<string, Session> sessions = new(StringComparer.Ordinal);

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        foreach (var (stale, session) in sessions)
            if (Ended(session))
                sessions.TryRemove(stale, out _);
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var identity = (ClaimsIdentity)ticket.Principal.Identity!;
        var token = identity.FindFirst(SignInSetup.AccessTokenClaim);
        if (token is not null)
            identity.RemoveClaim(token);
        identity.AddClaim(new Claim(SessionClaim, key));
        var development = identity.AuthenticationType == SignInSetup.DevelopmentAuthenticationType
            ? SignInSetup.DevelopmentUserOf(ticket.Principal)
            : null;
        sessions[key] = new Session(ticket, token?.Value, clock.GetUtcNow(), development);
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        if (sessions.TryGetValue(key, out var session))
            session.Ticket = ticket;
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(Live(key)?.Ticket);

    public Task RemoveAsync(string key)
    {
        sessions.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    /// <summary>The bearer token for the services, or null when the user's session has ended.</summary>
    public string? AccessTokenOf(ClaimsPrincipal user)
    {
        if (user.FindFirst(SessionClaim)?.Value is not { } key || Live(key) is not { } session)
            return null;
        lock (session)
        {
            if (session.Development is { } development && services.GetService<DevelopmentIssuer>() is { } issuer
                && clock.GetUtcNow() - session.TokenMintedAt > DevelopmentIssuer.TokenLifetime - RenewBefore)
                (session.Token, session.TokenMintedAt) = (issuer.Mint(development), clock.GetUtcNow());
            return session.Token;
        }
    }

    private Session? Live(string key)
    {
        if (!sessions.TryGetValue(key, out var session))
            return null;
        if (!Ended(session))
            return session;
        sessions.TryRemove(key, out _);
        return null;
    }

    private bool Ended(Session session) => session.Ticket.Properties.ExpiresUtc is { } ends && ends <= clock.GetUtcNow();

    private sealed class Session(AuthenticationTicket ticket, string? token, DateTimeOffset mintedAt, DevelopmentUser? development)
    {
        public AuthenticationTicket Ticket { get; set; } = ticket;
        public string? Token { get; set; } = token;
        public DateTimeOffset TokenMintedAt { get; set; } = mintedAt;
        public DevelopmentUser? Development { get; } = development;
    }
}
