using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;

namespace Aid.ServiceDefaults.Audit;

/// <summary>
/// The point an as-of question names: the dossier stream after its event <see cref="Version"/>; <see cref="At"/> is
/// the instant asked (or, for a version, when that event was recorded), for the other streams a state may involve.
/// </summary>
public sealed record StreamPoint(Guid DossierId, long Version, DateTimeOffset At, bool Cleared);

/// <summary>
/// What each service tells the shared audit endpoints about its dossier stream (whose id is the dossier id):
/// the states it folds from the stream at a point in time, and which payloads an uncleared auditor may not read.
/// </summary>
public abstract class AuditedDossier
{
    /// <summary>Named states of the dossier exactly as they stood at the point (Marten time travel on the service's own stream).</summary>
    public abstract Task<IReadOnlyDictionary<string, object?>> StatesAsync(
        IQuerySession session, StreamPoint point, ICollection<string> redacted, CancellationToken ct);

    public virtual Task<Guid?> FindByReceiptAsync(IQuerySession session, string receiptCode, CancellationToken ct) =>
        Task.FromResult<Guid?>(null);

    /// <summary>Read models whose documents only a cleared auditor may read (their differences are reported without bodies).</summary>
    public virtual IReadOnlySet<string> ConfidentialReadModels { get; } = new HashSet<string>();

    /// <summary>The payload an auditor without security clearance reads: unchanged, reduced, or null (withheld).</summary>
    public virtual JsonElement? ForUnclearedAuditor(string eventType, JsonElement payload) => payload;

    /// <summary>The payload without the named properties (any casing).</summary>
    protected static JsonElement Without(JsonElement payload, params string[] properties)
    {
        var node = JsonNode.Parse(payload.GetRawText())!.AsObject();
        foreach (var name in node.Select(p => p.Key).Where(k => properties.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList())
            node.Remove(name);
        return JsonSerializer.SerializeToElement(node);
    }
}

/// <summary>A service whose dossier stream folds into one aggregate.</summary>
public sealed class SingleAggregateAudit<T>(string name) : AuditedDossier where T : class
{
    public override async Task<IReadOnlyDictionary<string, object?>> StatesAsync(
        IQuerySession session, StreamPoint point, ICollection<string> redacted, CancellationToken ct) =>
        new Dictionary<string, object?>
        {
            [name] = await session.Events.AggregateStreamAsync<T>(point.DossierId, point.Version, token: ct),
        };
}
