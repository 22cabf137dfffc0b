using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Aid.Registration.Dossiers;

/// <summary>
/// Receipt codes {agency}-{yyyyMMdd}-{sequence within the day, 3 digits}, e.g. SNV-20261123-001. The sequence is
/// an atomic upsert on one row per day, so concurrent submissions never share a number. A submission that fails
/// after taking its number leaves a gap; codes stay unique. The table is one of the store's own schema objects
/// (<see cref="Table"/>), created and migrated with the rest of Registration's schema.
/// </summary>
public sealed class ReceiptNumbers(IDocumentStore store)
{
    private const string TableName = "receipt_sequences";

    /// <summary>The sequences' table in <paramref name="schema"/>, for StoreOptions.Storage.ExtendedSchemaObjects.</summary>
    public static Table Table(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("day", "date").AsPrimaryKey();
        table.AddColumn("last", "integer").NotNull();
        return table;
    }

    public async Task<string> NextAsync(DateOnly receiptDate, CancellationToken ct)
    {
        var table = $"{store.Options.DatabaseSchemaName}.{TableName}";
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {table} (day, last) VALUES ($1, 1) ON CONFLICT (day) DO UPDATE SET last = {table}.last + 1 RETURNING last",
            connection);
        command.Parameters.AddWithValue(receiptDate);
        var sequence = (int)(await command.ExecuteScalarAsync(ct))!;
        return Format(receiptDate, sequence);
    }

    public static string Format(DateOnly receiptDate, int sequence) =>
        $"{RegistrationService.Agency}-{receiptDate:yyyyMMdd}-{sequence:000}";
}
