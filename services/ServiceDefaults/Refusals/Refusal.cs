using Aid.Domain.Province;
using Microsoft.AspNetCore.Http;

namespace Aid.ServiceDefaults.Refusals;

/// <summary>Why a request was refused.</summary>
public static class RefusalKind
{
    /// <summary>No valid token (401).</summary>
    public const string Unauthenticated = "unauthenticated";
    /// <summary>The role or agency may not do this (403, from a policy or a rule).</summary>
    public const string Forbidden = "forbidden";
    /// <summary>Another NGO's record, answered 404 as if it did not exist: a probe.</summary>
    public const string Hidden = "hidden";
}

/// <summary>One refused request, as queued for the tally.</summary>
public sealed record Refusal(
    string ActorKey, string UserId, string Role, string Agency, Guid? NgoId, string? RemoteIp,
    string Kind, string Method, string Path, DateTimeOffset At)
{
    public static Refusal Of(HttpContext http, string kind, DateTimeOffset at)
    {
        var actor = Actor.From(http.User);
        var authenticated = http.User.Identity?.IsAuthenticated == true;
        var ip = http.Connection.RemoteIpAddress?.ToString();
        // Anonymous callers are told apart only by their address.
        var key = authenticated ? "user:" + actor.UserId : "ip:" + (ip ?? "unknown");
        return new Refusal(key, authenticated ? actor.UserId : "anonymous", actor.Role, actor.Agency, actor.NgoId, ip,
            kind, http.Request.Method, Truncate(http.Request.Path.Value ?? "", 300), at);
    }

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] : text;
}
