using System.Diagnostics;
using Aid.Contracts;
using Aid.Domain.Province;
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

    /// <summary>The actor and role of what a service records on its own (a consumer, a scanner).</summary>
    public const string SystemActor = "system";

    /// <summary>
    /// Stamps events the service records on its own: actor and role "system", for the given agency. A consumer passes
    /// the integration event it acts on: its actor and agency are kept apart (origin headers), so an auditor tells
    /// the system's write from the officer's own act in the other service.
    /// </summary>
    public static IDocumentSession ActingAsSystem(this IDocumentSession session, string agency, IIntegrationEvent? cause = null)
    {
        session.LastModifiedBy = SystemActor;
        session.SetHeader(EventHeaders.Agency, agency);
        session.SetHeader(EventHeaders.Role, SystemActor);
        if (cause is not null)
        {
            session.SetHeader(EventHeaders.OriginActor, cause.Metadata.Actor);
            session.SetHeader(EventHeaders.OriginAgency, cause.Metadata.Agency);
            session.SetHeader(EventHeaders.OriginService, cause.Metadata.SourceService);
        }
        return session;
    }

    /// <summary>The version the client last saw (If-Match: "7"), for optimistic concurrency.</summary>
    public static long? ExpectedVersion(this HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Replace("W/", "").Trim('"', ' ');
        return long.TryParse(value, out var version) ? version : null;
    }

    /// <summary>The client already holds this version (If-None-Match: "7", W/"7", a list, or *): answer 304.</summary>
    public static bool HoldsVersion(this HttpRequest request, long version) =>
        request.Headers.IfNoneMatch.SelectMany(v => (v ?? "").Split(','))
            .Select(tag => tag.Trim().Replace("W/", "").Trim('"'))
            .Any(tag => tag == "*" || tag == version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string? Header(HttpContext http, string name) =>
        http.Request.Headers.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 and <= 128 } v ? v : null;
}
