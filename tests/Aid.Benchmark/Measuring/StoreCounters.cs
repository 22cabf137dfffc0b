using Npgsql;

namespace Aid.Benchmark.Measuring;

/// <summary>Events in the four services' event stores and integration events their consumers handled.</summary>
public static class StoreCounters
{
    public static readonly string[] Schemas = ["registration", "security", "appraisal", "monitoring"];

    /// <summary>Each service owns a database named after the benchmark's own (--postgres) plus _&lt;service&gt;, as
    /// deploy/bench creates them; the service's schema in it bears the service's name too.</summary>
    public static string ServiceDatabase(string connectionString, string service)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Database += "_" + service;
        return builder.ConnectionString;
    }

    public sealed record Counts(long Events, long IntegrationEventsHandled);

    public static async Task<Counts> ReadAsync(string connectionString)
    {
        long events = 0, handled = 0;
        foreach (var schema in Schemas)
        {
            await using var connection = new NpgsqlConnection(ServiceDatabase(connectionString, schema));
            await connection.OpenAsync();
            events += await CountAsync(connection, $"{schema}.mt_events");
            handled += await CountAsync(connection, $"{schema}.mt_doc_handledintegrationevent");
        }
        return new Counts(events, handled);
    }

    /// <summary>When each stage reached the NGO status view: the time of the Registration event that put it there.</summary>
    public static async Task<Dictionary<(Guid Dossier, string Type), DateTimeOffset>> VisibleAtAsync(
        string connectionString, IReadOnlyCollection<Guid> dossiers)
    {
        await using var connection = new NpgsqlConnection(ServiceDatabase(connectionString, "registration"));
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT stream_id, type, timestamp FROM registration.mt_events WHERE stream_id = ANY(@ids)", connection);
        query.Parameters.AddWithValue("ids", dossiers.ToArray());
        var result = new Dictionary<(Guid, string), DateTimeOffset>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result.TryAdd((reader.GetGuid(0), reader.GetString(1)), reader.GetFieldValue<DateTimeOffset>(2));
        return result;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string table)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("t", table);
        if (!(bool)(await exists.ExecuteScalarAsync())!) return 0;
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
