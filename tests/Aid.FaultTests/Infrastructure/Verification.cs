using Aid.Benchmark.Driving;
using Npgsql;
using Xunit;

namespace Aid.FaultTests.Infrastructure;

/// <summary>
/// What must hold after any fault: every accepted dossier reached approval and the start of monitoring, each
/// exactly once — no event type twice in any stream of any service, every stream's version equal to its number
/// of events (a contiguous history), the NGO's public timeline exactly the stages in order — and no message
/// parked in an error queue.
/// </summary>
public static class Verification
{
    public static readonly string[] Schemas = ["registration", "security", "appraisal", "monitoring"];

    public static async Task AssertEveryDossierApprovedOnceAsync(FaultSystem system, AidApi api, IReadOnlyList<(Guid Ngo, Guid Dossier)> dossiers)
    {
        foreach (var (ngo, dossier) in dossiers)
        {
            var status = await api.StatusAsync(dossier, await api.TokenFor("ngo.staff", ngo), CancellationToken.None);
            Assert.True(status.Succeeded, $"status of {dossier}: HTTP {(int)status.Status}");
            var steps = status.Body!.Value.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("step").GetString()).ToList();
            Assert.Equal<string?>(DossierFlow.ExpectedTimeline, steps);
            Assert.Equal("Approved", status.Body!.Value.GetProperty("stage").GetString()); // until implementation starts
        }

        var ids = dossiers.Select(d => d.Dossier).ToArray();
        // Each service's schema is in the service's own database. A dossier's files are one upload per kind of document.
        foreach (var schema in Schemas)
        {
            await using var connection = await OpenAsync(schema);
            var duplicates = await ListAsync(connection, $"""
                SELECT stream_id || ' ' || type || coalesce(' ' || CASE WHEN type = 'document_uploaded' THEN data->>'Kind' END, '') || ' x' || count(*) FROM {schema}.mt_events
                WHERE {NotTombstone("type")}
                GROUP BY stream_id, type, CASE WHEN type = 'document_uploaded' THEN data->>'Kind' END HAVING count(*) > 1
                """);
            Assert.True(duplicates.Count == 0, $"{schema}: an event recorded twice: {string.Join("; ", duplicates.Take(5))}");
            var broken = await ListAsync(connection, $"""
                SELECT s.id || ' version ' || s.version || ' events ' || count(e.seq_id) || ' max ' || coalesce(max(e.version), 0)
                FROM {schema}.mt_streams s LEFT JOIN {schema}.mt_events e ON e.stream_id = s.id AND {NotTombstone("e.type")}
                GROUP BY s.id, s.version HAVING s.version <> count(e.seq_id) OR s.version <> coalesce(max(e.version), 0)
                """);
            Assert.True(broken.Count == 0, $"{schema}: a stream whose history has holes: {string.Join("; ", broken.Take(5))}");
        }
        // Each dossier started one security review, one appraisal and one monitored project.
        foreach (var schema in new[] { "security", "appraisal", "monitoring" })
        {
            await using var connection = await OpenAsync(schema);
            var missing = await ListAsync(connection,
                $"SELECT d::text FROM unnest(@ids) d WHERE NOT EXISTS (SELECT 1 FROM {schema}.mt_streams s WHERE s.id = d)", ids);
            Assert.True(missing.Count == 0, $"{schema}: no stream for {string.Join(", ", missing.Take(5))}");
        }

        var parked = (await system.Broker.QueuesAsync()).Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal) && q.Messages > 0).ToList();
        Assert.True(parked.Count == 0, "messages parked in error queues: " + string.Join(", ", parked.Select(q => $"{q.Name} {q.Messages}")));
    }

    /// <summary>
    /// Marten 9 fills the sequence numbers of a failed append (a lost optimistic-concurrency race, retried by the bus)
    /// with tombstone events in a stream of their own, so the async daemon never waits on a gap. They record nothing
    /// of a dossier and are left out of the checks.
    /// </summary>
    private static string NotTombstone(string column) => $"{column} NOT ILIKE '%tombstone%'";

    private static async Task<NpgsqlConnection> OpenAsync(string service)
    {
        var connection = new NpgsqlConnection(FaultSystem.Postgres(service));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql, Guid[]? ids = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (ids is not null) command.Parameters.AddWithValue("ids", ids);
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add(reader.GetString(0));
        return result;
    }
}
