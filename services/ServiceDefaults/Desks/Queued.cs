using Aid.Contracts.Desks;
using Aid.Domain.Text;

namespace Aid.ServiceDefaults.Desks;

/// <summary>
/// A read-model document a work queue lists. The queue's fields are stored with the document (computed properties
/// are serialized), so the queue is searched, filtered, sorted and paged in the database.
/// </summary>
public interface IQueued
{
    string ReceiptCode { get; }

    /// <summary>The NGO's name as it sorts.</summary>
    string? QueueNgo { get; }

    string? QueueAidKind { get; }

    /// <summary>What the document waits for now; null when it is not in the queue.</summary>
    WorkStage? QueueStage { get; }

    DateOnly? QueueDue { get; }

    /// <summary>Receipt code, NGO name and title, lower case without diacritics (<see cref="Searchable"/>).</summary>
    string QueueSearch { get; }
}

public static class Searchable
{
    public static string Of(params string?[] parts) =>
        VietnameseText.WithoutDiacritics(string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p))));
}
