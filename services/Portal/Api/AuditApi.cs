using System.Globalization;
using System.Text.Json;
using Aid.Audit;
using Aid.Domain.Province;

namespace Aid.Portal.Api;

/// <summary>One service's answer to an auditor's question; 404 means that service has no such record or no audit
/// endpoint yet (the portal says "not available" rather than guessing).</summary>
public interface IAuditAnswer
{
    Service Service { get; }
    bool Answered { get; }
    bool NotAvailable { get; }
    Problem? Problem { get; }
}

/// <summary>A service's typed answer (the wire shapes are defined once in Aid.Audit's AuditContract).</summary>
public sealed record AuditAnswer<T>(Service Service, int Status, T? Body, Problem? Problem) : IAuditAnswer where T : class
{
    public bool Answered => Body is not null;
    public bool NotAvailable => Status == 404;
}

/// <summary>One event of a dossier's history as an auditor reads it; <see cref="Data"/> is the raw JSON, <see cref="Payload"/> what changed.</summary>
public sealed record AuditEvent(Service Service, DateTimeOffset At, string Type, long Version, string? Who, string Data)
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
    public Task<AuditAnswer<DossierEvents>[]> EventsAsync(Guid id) => AskAll<DossierEvents>($"/audit/dossiers/{id}/events");

    public Task<AuditAnswer<AsOfState>[]> AsOfAsync(Guid id, DateTimeOffset at) =>
        AskAll<AsOfState>($"/audit/dossiers/{id}/as-of?at={Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture))}");

    public Task<AuditAnswer<VerificationReport>[]> VerifyAsync(Guid id) => AskAll<VerificationReport>($"/audit/verify?stream={id}");

    public static string ExportPath(Guid id, string format) => $"/audit/dossiers/{id}/export?format={format}";

    /// <summary>Every service's events for the dossier, in one timeline ordered by time.</summary>
    public static IReadOnlyList<AuditEvent> Timeline(IEnumerable<AuditAnswer<DossierEvents>> answers) => answers
        .Where(a => a.Body is not null)
        .SelectMany(a => a.Body!.Events.Select(e => new AuditEvent(a.Service, e.Timestamp, e.EventType, e.Version, e.User,
            e.Payload?.GetRawText() ?? "null")
        {
            Agency = e.Agency,
            Role = e.Role,
            Payload = e.Payload,
            Redacted = e.Redacted,
        }))
        .OrderBy(e => e.At).ThenBy(e => e.Service).ThenBy(e => e.Version)
        .ToList();

    private async Task<AuditAnswer<T>[]> AskAll<T>(string path) where T : class => await Task.WhenAll(Services.WithDossiers.Select(async s =>
    {
        var answer = await api.GetAsync<T>(s, path);
        return new AuditAnswer<T>(s, answer.Status, answer.Ok ? answer.Value : null, answer.Problem);
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
        }).RequireAuthorization(DownloadAccess.AuditExport);
        return app;
    }
}
