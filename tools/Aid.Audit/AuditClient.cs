using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Aid.Audit;

/// <summary>
/// What an auditor needs across the four services. Services never call each other, so the merge happens here:
/// each service answers for its own event store at the same /audit endpoints, and the client puts the answers together.
/// </summary>
public sealed class AuditClient(IReadOnlyDictionary<string, HttpClient> services)
{
    /// <summary>The services in the order a dossier passes through them.</summary>
    public static readonly string[] ServiceNames = ["registration", "security", "appraisal", "monitoring"];

    public IEnumerable<string> Services => ServiceNames.Where(services.ContainsKey);

    /// <summary>A dossier id, or a receipt code resolved by Registration (which issued it).</summary>
    public async Task<Guid> FindDossierAsync(string dossierOrReceipt, CancellationToken ct = default)
    {
        if (Guid.TryParse(dossierOrReceipt, out var id))
            return id;
        var reference = await GetAsync<DossierReference>("registration",
            $"/audit/dossiers/by-receipt/{Uri.EscapeDataString(dossierOrReceipt)}", ct);
        return reference.DossierId;
    }

    /// <summary>Every event of the dossier in every service, in the order they were recorded.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid dossierId, CancellationToken ct = default)
    {
        var answers = await Task.WhenAll(Services.Select(s => GetAsync<DossierEvents>(s, $"/audit/dossiers/{dossierId}/events", ct)));
        return Merge(answers.SelectMany(a => a.Events));
    }

    /// <summary>
    /// Each service's events stay in the order of its log (its sequence); the services' logs are interleaved by time.
    /// (Within one log, a timestamp is taken when the transaction starts, so it may run slightly out of sequence.)
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Merge(IEnumerable<TimelineEntry> events)
    {
        var queues = events.GroupBy(e => e.Service)
            .Select(g => new Queue<TimelineEntry>(g.OrderBy(e => e.Sequence)))
            .ToList();
        var merged = new List<TimelineEntry>();
        while (queues.Any(q => q.Count > 0))
        {
            var next = queues.Where(q => q.Count > 0)
                .OrderBy(q => q.Peek().Timestamp).ThenBy(q => ServiceOrder(q.Peek().Service)).First();
            merged.Add(next.Dequeue());
        }
        return merged;
    }

    public async Task<IReadOnlyList<AsOfState>> AsOfAsync(Guid dossierId, DateTimeOffset? at, long? version, CancellationToken ct = default)
    {
        var query = at is { } t
            ? $"at={Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture))}"
            : $"version={version ?? throw new ArgumentException("An instant or a version is needed.")}";
        return await Task.WhenAll(Services.Select(s => GetAsync<AsOfState>(s, $"/audit/dossiers/{dossierId}/as-of?{query}", ct)));
    }

    /// <summary>One dossier's chains in every service, one service's whole log, or (both null) every service's log.</summary>
    public async Task<IReadOnlyList<VerificationReport>> VerifyAsync(Guid? dossierId = null, string? service = null, CancellationToken ct = default)
    {
        var path = dossierId is { } id ? $"/audit/verify?stream={id}" : "/audit/verify";
        return await Task.WhenAll(Pick(service).Select(s => GetAsync<VerificationReport>(s, path, ct)));
    }

    public async Task<IReadOnlyList<ReplayReport>> RebuildAsync(string? service = null, CancellationToken ct = default)
    {
        var reports = new List<ReplayReport>();
        foreach (var s in Pick(service)) // one at a time: each rebuild reads the whole log
        {
            using var response = await services[s].PostAsync("/audit/rebuild", null, ct);
            reports.Add(await ReadAsync<ReplayReport>(s, response, ct));
        }
        return reports;
    }

    public async Task<DossierHistory> ExportAsync(Guid dossierId, CancellationToken ct = default) =>
        new(dossierId, await TimelineAsync(dossierId, ct), await VerifyAsync(dossierId, ct: ct));

    private IEnumerable<string> Pick(string? service) =>
        service is null ? Services
        : services.ContainsKey(service) ? [service]
        : throw new ArgumentException($"Unknown service '{service}' ({string.Join(", ", Services)}).");

    private static int ServiceOrder(string service) => Array.IndexOf(ServiceNames, service) is var i and >= 0 ? i : int.MaxValue;

    private async Task<T> GetAsync<T>(string service, string path, CancellationToken ct)
    {
        using var response = await services[service].GetAsync(path, ct);
        return await ReadAsync<T>(service, response, ct);
    }

    private static async Task<T> ReadAsync<T>(string service, HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new AuditRequestFailed(service, response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        return await response.Content.ReadFromJsonAsync<T>(HistoryFile.Json, ct)
            ?? throw new AuditRequestFailed(service, response.StatusCode, "empty answer");
    }
}

public sealed class AuditRequestFailed(string service, HttpStatusCode status, string body)
    : Exception($"{service}: {(int)status} {status}: {body}")
{
    public HttpStatusCode Status { get; } = status;
}
