using System.Text.Json;
using Aid.ServiceDefaults.Audit;
using Marten;

namespace Aid.Security.Reviews;

/// <summary>
/// For auditors: the review as it stood at a point. Findings and the grounds of an objection are confidential:
/// only a security-cleared auditor reads them (the same rule as <see cref="ReviewViews.MayReadFindings"/>).
/// </summary>
public sealed class ReviewAudit : AuditedDossier
{
    public const string ConfidentialState = "confidential";

    public override async Task<IReadOnlyDictionary<string, object?>> StatesAsync(
        IQuerySession session, StreamPoint point, ICollection<string> redacted, CancellationToken ct)
    {
        var states = new Dictionary<string, object?>
        {
            ["review"] = await session.Events.AggregateStreamAsync<SecurityReview>(point.DossierId, point.Version, token: ct),
        };
        if (point.Cleared)
            states[ConfidentialState] = await session.Events.AggregateStreamAsync<ConfidentialFile>(point.DossierId, point.Version, token: ct);
        else
            redacted.Add(ConfidentialState);
        return states;
    }

    public override IReadOnlySet<string> ConfidentialReadModels { get; } = new HashSet<string> { nameof(ConfidentialFile) };

    public override async Task<Guid?> FindByReceiptAsync(IQuerySession session, string receiptCode, CancellationToken ct) =>
        (await session.Query<SecurityReview>().FirstOrDefaultAsync(r => r.ReceiptCode == receiptCode, ct))?.Id;

    /// <summary>A finding is withheld whole (that one was recorded stays visible); a verdict loses its confidential reasons.</summary>
    public override JsonElement? ForUnclearedAuditor(string eventType, JsonElement payload) => eventType switch
    {
        nameof(FindingRecorded) => null,
        nameof(ReviewConcluded) => Without(payload, nameof(ReviewConcluded.ConfidentialReasons)),
        _ => payload,
    };
}
