using Aid.Contracts.Desks;

namespace Aid.Security.Reviews;

/// <summary>
/// The confidential part of a review: findings and the reasons of an objection. Readable only in this service,
/// by security officers and cleared auditors; kept apart from <see cref="SecurityReview"/> so no other view can
/// carry it by mistake.
/// </summary>
public sealed record ConfidentialFile
{
    public Guid Id { get; init; }
    public IReadOnlyList<SecurityFinding> Findings { get; init; } = [];
    public string? ObjectionReasons { get; init; }

    public static ConfidentialFile Create(SecurityReviewOpened e) => new() { Id = e.DossierId };

    public ConfidentialFile Apply(FindingRecorded e) =>
        this with { Findings = [.. Findings, new SecurityFinding(e.FindingId, e.Text, e.Severity, e.RecordedBy, e.RecordedAt)] };

    public ConfidentialFile Apply(ReviewConcluded e) => this with { ObjectionReasons = e.ConfidentialReasons };
}
