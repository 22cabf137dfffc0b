using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aid.Audit;

// The wire shapes of every service's /audit endpoints, defined once for the services and their clients.
// Property names go out camelCase (ASP.NET Core web defaults); see README, "Audit".

/// <summary>One event of a dossier as an auditor reads it. <see cref="Payload"/> is the stored JSON, or null when redacted.</summary>
public sealed record TimelineEntry(
    string Service, Guid StreamId, long Version, long Sequence, DateTimeOffset Timestamp, string EventType,
    string? User, string? Agency, string? Role, string? CorrelationId, string? CausationId,
    JsonElement? Payload, bool Redacted, string? SealHash);

/// <summary>GET /audit/dossiers/{id}/events</summary>
public sealed record DossierEvents(string Service, Guid DossierId, IReadOnlyList<TimelineEntry> Events);

/// <summary>GET /audit/dossiers/by-receipt/{code}</summary>
public sealed record DossierReference(Guid DossierId, string ReceiptCode);

/// <summary>
/// GET /audit/dossiers/{id}/as-of?at=|version= : the dossier's state in one service after its event
/// <see cref="Version"/> (0: nothing was recorded yet), the last one at or before the instant asked.
/// </summary>
public sealed record AsOfState(
    string Service, Guid DossierId, DateTimeOffset? RequestedAt, long? RequestedVersion, long Version,
    DateTimeOffset? VersionRecordedAt, IReadOnlyDictionary<string, JsonElement?> States, IReadOnlyList<string> Redacted);

[JsonConverter(typeof(JsonStringEnumConverter<BreakKind>))]
public enum BreakKind { Edited, Deleted, Moved, Unsealed, SealChainBroken, CheckpointMismatch }

/// <summary>The first place where the stored log no longer matches its seals.</summary>
public sealed record ChainBreak(long Sequence, Guid? StreamId, long? Version, BreakKind Kind, string Detail);

/// <summary>GET /audit/verify[?stream=] : scope "service" or "stream {id}".</summary>
public sealed record VerificationReport(
    string Service, string Scope, bool Intact, int EventsChecked, int CheckpointsChecked, long SealedUpTo,
    long LatestSequence, ChainBreak? FirstBreak);

[JsonConverter(typeof(JsonStringEnumConverter<DifferenceKind>))]
public enum DifferenceKind { MissingInLive, MissingInRebuild, Different }

/// <summary>One read-model document that the rebuild from events does not reproduce.</summary>
public sealed record ReadModelDifference(string ReadModel, string DocumentId, DifferenceKind Kind, JsonElement? Live, JsonElement? Rebuilt);

public sealed record ReadModelResult(string ReadModel, int LiveDocuments, int RebuiltDocuments, int Differences);

/// <summary>POST /audit/rebuild : every projection rebuilt from the events into a scratch schema and compared.</summary>
public sealed record ReplayReport(
    string Service, long UpToSequence, int EventsReplayed, bool Equal, IReadOnlyList<ReadModelResult> ReadModels,
    IReadOnlyList<ReadModelDifference> Differences, long ElapsedMilliseconds);
