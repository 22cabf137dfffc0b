using Aid.Contracts.Security;
using System.Text.Json;
using System.Text.Json.Serialization;
using Aid.Security.Reviews;
using Marten;

namespace Aid.IntegrationTests.Desks;

/// <summary>
/// Open security reviews written straight into the Security read model, for queue queries that need many lines or
/// chosen due dates. An overdue one is stored as already flagged, so the overdue scan leaves it alone.
/// </summary>
public static class QueueSeed
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static SecurityReview Review(string receiptCode, string ngoName, string title, DateOnly due, DateOnly today,
        string aidKind = "Project") => new()
    {
        Id = Guid.NewGuid(), ReceiptCode = receiptCode, NgoId = Guid.NewGuid(), NgoName = ngoName, Title = title, AidKind = aidKind,
        Track = ReviewTrack.Standard, Status = ReviewStatus.Open, OpenedAt = DateTimeOffset.UtcNow,
        StartedOn = due.AddDays(-20), DueOn = due, FlaggedOverdue = due < today,
    };

    public static async Task StoreAsync(IDocumentStore store, IReadOnlyCollection<SecurityReview> reviews)
    {
        if (reviews.Count > 100)
        {
            await store.BulkInsertDocumentsAsync(reviews);
            return;
        }
        await using var session = store.LightweightSession();
        session.Store(reviews.ToArray());
        await session.SaveChangesAsync();
    }
}
