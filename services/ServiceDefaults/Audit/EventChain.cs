using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Aid.ServiceDefaults.Audit;

/// <summary>One event row exactly as stored, with its metadata.</summary>
public sealed record StoredEvent(
    long Sequence, Guid Id, Guid StreamId, long Version, string Type, string? DotNetType, DateTimeOffset Timestamp,
    string Data, string? UserName, string? CorrelationId, string? CausationId, string? Headers)
{
    /// <summary>The event's class name (DossierAccepted), or Marten's alias when the .NET type is not recorded.</summary>
    public string EventTypeName => DotNetType is { } t ? t.Split(',')[0].Split('.', '+')[^1] : Type;
}

/// <summary>The canonical serialisation and the hashes of the tamper-evidence chain.</summary>
public static class EventChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Canonical(StoredEvent e) => JsonSerializer.Serialize(new object?[]
    {
        e.Sequence, e.Id, e.StreamId, e.Version, e.Type, e.DotNetType,
        e.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
        e.Data, e.UserName, e.CorrelationId, e.CausationId, e.Headers,
    });

    public static string Hash(string previousHash, StoredEvent e) => Sha256(previousHash + "\n" + Canonical(e));

    public static string CheckpointHash(string previousCheckpoint, IEnumerable<string> eventHashes) =>
        Sha256(previousCheckpoint + "\n" + string.Join("\n", eventHashes));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static async Task<long> LatestSequenceAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""select coalesce(max(seq_id), 0) from "{schema}".mt_events""", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>The raw rows of the service's event log, in sequence order (jsonb text is normalised by PostgreSQL).</summary>
    public static async IAsyncEnumerable<StoredEvent> ReadAsync(
        NpgsqlConnection connection, string schema, long fromSequence, long toSequence, Guid? streamId = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sql = $"""
            select seq_id, id, stream_id, version, type, mt_dotnet_type, timestamp, data::text, user_name, correlation_id,
                   causation_id, headers::text
            from "{schema}".mt_events
            where seq_id between @from and @to {(streamId is null ? "" : "and stream_id = @stream")}
            order by seq_id
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("from", fromSequence);
        command.Parameters.AddWithValue("to", toSequence);
        if (streamId is { } id) command.Parameters.AddWithValue("stream", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return new StoredEvent(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4),
                NullableString(reader, 5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7),
                NullableString(reader, 8), NullableString(reader, 9), NullableString(reader, 10), NullableString(reader, 11));
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
