using Npgsql;

namespace Aid.Registration.Dossiers;

/// <summary>
/// Receipt codes {agency}-{yyyyMMdd}-{sequence within the day, 3 digits}, e.g. SNV-20261123-001. The sequence is
/// an atomic upsert on one row per day, so concurrent submissions never share a number. A submission that fails
/// after taking its number leaves a gap; codes stay unique.
/// </summary>
public sealed class ReceiptNumbers(IConfiguration configuration) : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(configuration.GetConnectionString("Postgres")
        ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured."));

    private const string Table = RegistrationService.Name + ".receipt_sequences";
    private volatile bool tableReady;
    private readonly SemaphoreSlim creating = new(1, 1);

    public async Task<string> NextAsync(DateOnly receiptDate, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {Table} (day, last) VALUES ($1, 1) ON CONFLICT (day) DO UPDATE SET last = {Table}.last + 1 RETURNING last");
        command.Parameters.AddWithValue(receiptDate);
        var sequence = (int)(await command.ExecuteScalarAsync(ct))!;
        return Format(receiptDate, sequence);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public static string Format(DateOnly receiptDate, int sequence) =>
        $"{RegistrationService.Agency}-{receiptDate:yyyyMMdd}-{sequence:000}";

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (tableReady) return;
        await creating.WaitAsync(ct);
        try
        {
            if (tableReady) return;
            await using var command = dataSource.CreateCommand(
                $"CREATE SCHEMA IF NOT EXISTS {RegistrationService.Name}; CREATE TABLE IF NOT EXISTS {Table} (day date PRIMARY KEY, last integer NOT NULL)");
            try { await command.ExecuteNonQueryAsync(ct); }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
            {
                // Another instance created it at the same moment.
            }
            tableReady = true;
        }
        finally { creating.Release(); }
    }
}
