namespace Aid.Monitoring.Quality;

/// <summary>
/// A point the index lost and what caused it: the component (late, supplement, apology, notReceivedOnline,
/// notReturnedOnline, rating), the agency and stage, the dossier (id for the audit page, receipt code) and the ids of the
/// integration events that caused it.
/// </summary>
public sealed record QualityLostPoint(
    string Component, string Agency, string? Stage, Guid DossierId, string ReceiptCode, IReadOnlyList<Guid> EventIds, decimal Points);

/// <summary>How many stages of one kind ended in the period and their mean working days.</summary>
public sealed record QualityStageDays(string Stage, int Count, decimal? AverageWorkingDays);

/// <summary>
/// The figures Decision 766/QĐ-TTg scores, for one agency, one procedure (aid kind) or the whole province. Shares are
/// fractions (0–1) of the stages with an on-time flag, of the receipts, of the results returned; null when there is none.
/// </summary>
public sealed record QualityRow(
    string Key, string NameVi, string NameEn,
    int StagesEnded, int Early, int OnTime, int Late, int Unknown,
    decimal? EarlyShare, decimal? OnTimeShare, decimal? LateShare,
    IReadOnlyList<QualityStageDays> StageDays,
    int Received, int SupplementRequests, decimal? SupplementRate,
    int Apologies,
    int ReceivedOnline, decimal? ReceivedOnlineShare,
    int Returned, int ReturnedOnline, decimal? ReturnedOnlineShare,
    int Ratings, decimal? AverageRating,
    decimal Score, IReadOnlyList<QualityLostPoint> LostPoints);

/// <summary>The points each component weighs in the score out of 100 (see README, Service-quality index).</summary>
public sealed record QualityWeights(decimal Timeliness, decimal Supplements, decimal Apologies, decimal ReceivedOnline, decimal ReturnedOnline, decimal Satisfaction)
{
    public static readonly QualityWeights Default = new(40, 10, 10, 10, 10, 20);
}

/// <summary>The service-quality index for a period of business dates, as known at an instant of Monitoring's store time.</summary>
public sealed record QualityIndex(
    DateOnly From, DateOnly To, DateTimeOffset AsOf, int FactsCounted, QualityWeights Weights,
    QualityRow Province, IReadOnlyList<QualityRow> Agencies, IReadOnlyList<QualityRow> Procedures);
