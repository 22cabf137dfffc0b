using Npgsql;

namespace Aid.Benchmark.Measuring;

/// <summary>Events in the four services' event stores and integration events their consumers handled.</summary>
public static class StoreCounters
{
    public static readonly string[] Schemas = ["registration", "security", "appraisal", "monitoring"];

    public sealed record Counts(long Events, long IntegrationEventsHandled);

    public static async Task<Counts> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        long events = 0, handled = 0;
        foreach (var schema in Schemas)
        {
            events += await CountAsync(connection, $"{schema}.mt_events");
            handled += await CountAsync(connection, $"{schema}.mt_doc_processedintegrationevent");
        }
        return new Counts(events, handled);
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
