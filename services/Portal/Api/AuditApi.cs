using System.Globalization;
using System.Text.Json;
using Aid.ServiceDefaults.Identity;

namespace Aid.Portal.Api;

/// <summary>One service's answer to an auditor's question; 404 means that service has no such record or no audit
/// endpoint yet (the portal says "not available" rather than guessing).</summary>
public sealed record AuditAnswer(Service Service, int Status, JsonElement? Body, Problem? Problem)
{
    public bool NotAvailable => Status == 404;
}

/// <summary>One event of a dossier's history as an auditor reads it; <see cref="Data"/> is the raw JSON, <see cref="Payload"/> what changed.</summary>
public sealed record AuditEvent(Service Service, DateTimeOffset? At, string Type, long? Version, string? Who, string Data)
{
    /// <summary>The acting agency's code (from the event's headers), if the service recorded one.</summary>
    public string? Agency { get; init; }

    /// <summary>The actor's role (from the event's headers), if the service recorded one.</summary>
    public string? Role { get; init; }

    public JsonElement? Payload { get; init; }

    /// <summary>The service withheld confidential parts from this auditor.</summary>
    public bool Redacted { get; init; }
}

/// <summary>
/// The auditor endpoints every service offers (the audit logic lives there, not here):
/// GET /audit/dossiers/{id}/events, /audit/dossiers/{id}/as-of?at=ISO, /audit/verify?stream=id,
/// /audit/dossiers/{id}/export?format=jsonl|csv.
/// </summary>
public sealed class AuditApi(ServiceApi api)
{
    public Task<AuditAnswer[]> EventsAsync(Guid id) => AskAll($"/audit/dossiers/{id}/events");

    public Task<AuditAnswer[]> AsOfAsync(Guid id, DateTimeOffset at) =>
        AskAll($"/audit/dossiers/{id}/as-of?at={Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture))}");

    public Task<AuditAnswer[]> VerifyAsync(Guid id) => AskAll($"/audit/verify?stream={id}");

    public static string ExportPath(Guid id, string format) => $"/audit/dossiers/{id}/export?format={format}";

    /// <summary>Every service's events for the dossier, in one timeline ordered by time.</summary>
    public static IReadOnlyList<AuditEvent> Timeline(IEnumerable<AuditAnswer> answers) => answers
        .Where(a => a.Body is not null)
        .SelectMany(a => EventsIn(a.Body!.Value).Select(e => new AuditEvent(a.Service,
            e.Time("timestamp", "at", "occurredAt", "recordedAt"),
            e.FirstStr("type", "eventType", "name") ?? "?",
            e.Long("version") ?? e.Long("sequence"),
            WhoOf(e),
            (e.Prop("payload") ?? e.Prop("data") ?? e).GetRawText())
        {
            Agency = e.Str("agency"),
            Role = e.Str("role"),
            Payload = e.Prop("payload") ?? e.Prop("data"),
            Redacted = e.Prop("redacted") is { ValueKind: JsonValueKind.True },
        }))
        .OrderBy(e => e.At).ThenBy(e => e.Service).ThenBy(e => e.Version)
        .ToList();

    private static IEnumerable<JsonElement> EventsIn(JsonElement body) =>
        body.ValueKind == JsonValueKind.Array ? body.EnumerateArray() : body.Items("events");

    private static string? WhoOf(JsonElement e)
    {
        if (e.FirstStr("userName", "user", "by") is { } name) return name;
        return (e.Prop("actor") ?? e.Prop("headers")) is { } who
            ? who.ValueKind == JsonValueKind.Object ? who.FirstStr("name", "userId", "user", "UserId") : who.ToString()
            : null;
    }

    private async Task<AuditAnswer[]> AskAll(string path) => await Task.WhenAll(Services.WithDossiers.Select(async s =>
    {
        var answer = await api.GetAsync<JsonElement>(s, path);
        return new AuditAnswer(s, answer.Status, answer.Ok ? answer.Value : null, answer.Problem);
    }));
}

public static class AuditExportEndpoint
{
    /// <summary>Downloads pass through the portal, which adds the auditor's token the browser does not hold.</summary>
    public static WebApplication MapAuditExport(this WebApplication app)
    {
        app.MapGet("/audit-export/{service}/{id:guid}", (string service, Guid id, string? format, HttpContext http,
            ServiceApi api, CancellationToken ct) =>
        {
            // Read here rather than bound: a service name the portal does not know is a missing page, not a failure.
            if (!Enum.TryParse<Service>(service, ignoreCase: true, out var chosenService) || int.TryParse(service, out _))
                return Task.FromResult(Results.NotFound());
            var chosen = format is "csv" ? "csv" : "jsonl";
            return api.As(http.User).DownloadAsync(chosenService, AuditApi.ExportPath(id, chosen), $"{chosenService.ToString().ToLowerInvariant()}-{id}.{chosen}",
                status => status == 404
                    ? Texts.L("Dịch vụ này chưa cung cấp bản xuất.", "This service does not offer an export (yet).")
                    : Texts.L($"Dịch vụ trả lời lỗi {status}.", $"The service answered {status}."), ct);
        }).RequireAuthorization(p => p.RequireRole(Roles.Auditors));
        return app;
    }
}
