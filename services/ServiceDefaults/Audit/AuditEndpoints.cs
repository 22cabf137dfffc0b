using System.Text;
using System.Text.Json;
using Aid.Audit;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aid.ServiceDefaults.Audit;

/// <summary>
/// The auditors' endpoints, the same in every service, each over the service's own store (contract: README, "Audit").
/// Auditors change nothing: all are reads except the rebuild comparison, which writes only to a scratch schema.
/// </summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/audit").WithTags("Audit").RequireAuthorization(AuditAccess.Read);
        audit.MapGet("/dossiers/{id:guid}/events", Events)
            .WithSummary("The dossier's events in this service, with their metadata, payload and seal.");
        audit.MapGet("/dossiers/by-receipt/{code}", ByReceipt)
            .WithSummary("The dossier a receipt code names (Registration, which issues receipts).");
        audit.MapGet("/dossiers/{id:guid}/as-of", AsOf)
            .WithSummary("The dossier's state in this service as it stood at an instant (?at=) or after an event version (?version=).");
        audit.MapGet("/dossiers/{id:guid}/export", Export)
            .WithSummary("The dossier's history in this service as JSON Lines or CSV, with its verification result.");
        audit.MapGet("/verify", (Guid? stream, ChainVerifier verifier, CancellationToken ct) => verifier.VerifyAsync(stream, ct))
            .WithName("VerifyEventLog")
            .WithSummary("Recomputes the tamper-evidence hash chains (one stream, or the whole log with its checkpoints).");
        audit.MapGet("/checkpoints", async (IQuerySession session, CancellationToken ct) =>
                await session.Query<LogCheckpoint>().OrderBy(c => c.Id).ToListAsync(ct))
            .WithSummary("The log checkpoints: a hash over the whole log up to each sequence number.");
        audit.MapPost("/rebuild", Rebuild)
            .WithSummary("Rebuilds every read model from the events in a scratch schema and reports each difference from the live one.");
        return app;
    }

    private static async Task<ReplayReport> Rebuild(HttpContext http, ReadModelReplay replay, AuditedDossier dossier, CancellationToken ct)
    {
        var report = await replay.RunAsync(ct);
        return Cleared(http) ? report : report with
        {
            Differences = report.Differences.Select(d => dossier.ConfidentialReadModels.Contains(d.ReadModel)
                ? d with { Live = null, Rebuilt = null } : d).ToList(),
        };
    }

    private static async Task<DossierEvents> Events(
        Guid id, HttpContext http, IQuerySession session, StoreBlueprint blueprint, AuditedDossier dossier, CancellationToken ct) =>
        new(blueprint.Service, id, await EntriesAsync(id, http, session, blueprint, dossier, ct));

    private static async Task<DossierReference> ByReceipt(string code, IQuerySession session, AuditedDossier dossier, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var id = normalised.Length is > 0 and <= 40 ? await dossier.FindByReceiptAsync(session, normalised, ct) : null;
        return new DossierReference(id ?? throw new NotFound("Dossier"), normalised);
    }

    private static async Task<AsOfState> AsOf(
        Guid id, DateTimeOffset? at, long? version, HttpContext http, IQuerySession session, StoreBlueprint blueprint,
        AuditedDossier dossier, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (at is null == version is null || version < 0)
            throw new InputRejected(new Dictionary<string, Bilingual[]>
            {
                ["at"] = [new("Cho biết đúng một trong hai: thời điểm (at, ISO 8601) hoặc phiên bản (version ≥ 0).",
                    "Give exactly one of an instant (at, ISO 8601) or a version (version ≥ 0).")],
            });
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var reached = events.Where(e => version is { } v ? e.Version <= v : e.Timestamp <= at).LastOrDefault();
        var redacted = new List<string>();
        var states = new Dictionary<string, JsonElement?>();
        if (reached is not null)
        {
            var point = new StreamPoint(id, reached.Version, (at ?? reached.Timestamp).ToUniversalTime(), Cleared(http));
            foreach (var (name, state) in await dossier.StatesAsync(session, point, redacted, ct))
                states[name] = state is null ? null : JsonSerializer.SerializeToElement(state, state.GetType(), json.Value.SerializerOptions);
        }
        return new AsOfState(blueprint.Service, id, at, version, reached?.Version ?? 0, reached?.Timestamp, states, redacted);
    }

    private static async Task<IResult> Export(
        Guid id, string? format, HttpContext http, IQuerySession session, StoreBlueprint blueprint, AuditedDossier dossier,
        ChainVerifier verifier, CancellationToken ct)
    {
        format = (format ?? "jsonl").ToLowerInvariant();
        if (format is not ("jsonl" or "csv"))
            throw new InputRejected(new Dictionary<string, Bilingual[]>
            {
                ["format"] = [new("Định dạng là jsonl hoặc csv.", "The format is jsonl or csv.")],
            });
        var history = new DossierHistory(id, await EntriesAsync(id, http, session, blueprint, dossier, ct),
            [await verifier.VerifyAsync(id, ct)]);
        var text = new StringWriter();
        HistoryFile.Write(history, format, text);
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()),
            format == "csv" ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8",
            $"{blueprint.Service}-{id}.{format}");
    }

    private static async Task<IReadOnlyList<TimelineEntry>> EntriesAsync(
        Guid id, HttpContext http, IQuerySession session, StoreBlueprint blueprint, AuditedDossier dossier, CancellationToken ct)
    {
        var seals = (await session.Query<EventSeal>().Where(s => s.StreamId == id).ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Hash);
        var cleared = Cleared(http);
        var entries = new List<TimelineEntry>();
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await foreach (var row in EventChain.ReadAsync(connection, blueprint.Schema, 1, long.MaxValue, id, ct))
        {
            var payload = JsonDocument.Parse(row.Data).RootElement.Clone();
            var shown = cleared ? payload : dossier.ForUnclearedAuditor(row.EventTypeName, payload);
            var headers = row.Headers is { } h ? JsonDocument.Parse(h).RootElement : default;
            entries.Add(new TimelineEntry(blueprint.Service, row.StreamId, row.Version, row.Sequence, row.Timestamp,
                row.EventTypeName, row.UserName, Header(headers, EventHeaders.Agency), Header(headers, EventHeaders.Role),
                row.CorrelationId, row.CausationId, shown, !cleared && !Same(shown, payload), seals.GetValueOrDefault(row.Sequence)));
        }
        return entries;
    }

    private static bool Cleared(HttpContext http) => Actor.From(http.User).Is(Roles.SecurityClearedAuditor);

    private static bool Same(JsonElement? shown, JsonElement payload) => shown is { } s && s.GetRawText() == payload.GetRawText();

    private static string? Header(JsonElement headers, string name) =>
        headers.ValueKind == JsonValueKind.Object && headers.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}
