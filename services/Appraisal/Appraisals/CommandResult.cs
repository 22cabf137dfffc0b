namespace Aid.Appraisal.Appraisals;

/// <summary>What a command answers: the stream's new version (also sent as ETag, for If-Match on the next command).</summary>
public sealed record CommandResult(Guid DossierId, long Version);
