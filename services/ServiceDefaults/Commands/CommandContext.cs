using System.Diagnostics;
using Aid.ServiceDefaults.Identity;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Aid.ServiceDefaults.Commands;

public static class CommandContext
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string CommandIdHeader = "X-Command-Id";

    /// <summary>
    /// Stamps who acts, for which agency, and why (correlation: the user's whole operation; causation: this
    /// request) on every event the session appends.
    /// </summary>
    public static IDocumentSession ActingAs(this IDocumentSession session, Actor actor, HttpContext http)
    {
        session.LastModifiedBy = actor.UserId;
        session.SetHeader(EventHeaders.Agency, actor.Agency);
        session.SetHeader(EventHeaders.Role, actor.Role);
        session.CorrelationId = Header(http, CorrelationHeader)
            ?? Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        session.CausationId = Header(http, CommandIdHeader) ?? http.TraceIdentifier;
        return session;
    }

    /// <summary>The version the client last saw (If-Match: "7"), for optimistic concurrency.</summary>
    public static long? ExpectedVersion(this HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Replace("W/", "").Trim('"', ' ');
        return long.TryParse(value, out var version) ? version : null;
    }

    private static string? Header(HttpContext http, string name) =>
        http.Request.Headers.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 and <= 128 } v ? v : null;
}
