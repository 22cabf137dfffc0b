using Aid.Contracts;

namespace Aid.Appraisal.Appraisals;

/// <summary>
/// A consumed message that cannot be right (no dossier id, no receipt code, no event id). Thrown before anything is
/// written: after the bounded retries MassTransit moves it to the queue's _error queue with this reason.
/// </summary>
public sealed class InvalidMessage(string reason) : Exception(reason)
{
    public static void ThrowIfInvalid(IIntegrationEvent message, Guid dossierId, string? receiptCode, params (bool Holds, string Rule)[] rules)
    {
        var broken = new List<string>();
        if (message.Metadata is null || message.Metadata.EventId == Guid.Empty) broken.Add("Metadata.EventId is required");
        if (dossierId == Guid.Empty) broken.Add("DossierId is required");
        if (string.IsNullOrWhiteSpace(receiptCode) || receiptCode.Length > 100) broken.Add("ReceiptCode is required (<= 100 chars)");
        broken.AddRange(rules.Where(r => !r.Holds).Select(r => r.Rule));
        if (broken.Count > 0)
            throw new InvalidMessage($"{message.GetType().Name} rejected: {string.Join("; ", broken)}");
    }
}
