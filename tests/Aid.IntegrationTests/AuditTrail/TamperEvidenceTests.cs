using System.Net;
using System.Net.Http.Json;
using Aid.Audit;
using Aid.IntegrationTests.Infrastructure;
using Marten;
using Npgsql;
using Xunit;
using RegistrationEvents = Aid.Registration.Dossiers;

namespace Aid.IntegrationTests.AuditTrail;

/// <summary>
/// Every event is sealed into its stream's hash chain; editing, deleting or reordering an event row directly in
/// PostgreSQL is detected by GET /audit/verify and located (sequence, stream, version).
/// </summary>
public sealed class TamperEvidenceTests(AidSystem system) : IClassFixture<AidSystem>
{
    private IDocumentStore Store => AidSystem.StoreOf(system.Registration);

    [Fact]
    public async Task Edited_swapped_and_deleted_rows_are_detected_and_located()
    {
        var first = await AppendDossierAsync("SNV-20261123-101");
        var second = await AppendDossierAsync("SNV-20261123-102");
        var (firstSeq, firstData) = await RowAsync(first);
        var (secondSeq, secondData) = await RowAsync(second);
        var sealedReport = await Eventually.Returns(async () =>
        {
            var r = await VerifyAsync();
            return r.SealedUpTo >= secondSeq ? r : null;
        }, "the events to be sealed");
        Assert.True(sealedReport.Intact, sealedReport.FirstBreak?.Detail);

        // Edited: the payload of one row.
        await ExecuteAsync("update registration.mt_events set data = jsonb_set(data, '{ReceiptCode}', '\"SNV-FORGED\"') " +
                           $"where seq_id = {firstSeq}");
        var edited = await VerifyAsync();
        Assert.False(edited.Intact);
        Assert.Equal(new ChainBreak(firstSeq, first, 1, BreakKind.Edited, edited.FirstBreak!.Detail), edited.FirstBreak);
        Assert.Equal(first, (await VerifyAsync(first)).FirstBreak!.StreamId);
        Assert.True((await VerifyAsync(second)).Intact);
        await RestoreDataAsync(firstSeq, firstData);
        Assert.True((await VerifyAsync()).Intact);

        // Edited metadata: who acted.
        await ExecuteAsync($"update registration.mt_events set user_name = 'someone.else' where seq_id = {secondSeq}");
        Assert.Equal((secondSeq, BreakKind.Edited), Located(await VerifyAsync()));
        await ExecuteAsync($"update registration.mt_events set user_name = 'intake.officer' where seq_id = {secondSeq}");
        Assert.True((await VerifyAsync()).Intact);

        // Swapped payloads: two rows exchange their data.
        await RestoreDataAsync(firstSeq, secondData);
        await RestoreDataAsync(secondSeq, firstData);
        Assert.Equal((firstSeq, BreakKind.Edited), Located(await VerifyAsync()));
        await RestoreDataAsync(firstSeq, firstData);
        await RestoreDataAsync(secondSeq, secondData);
        Assert.True((await VerifyAsync()).Intact);

        // Reordered: the two rows exchange their places in the log.
        await SwapSequencesAsync(firstSeq, secondSeq);
        var reordered = await VerifyAsync();
        Assert.Equal((firstSeq, BreakKind.Moved), Located(reordered));
        Assert.Equal(first, reordered.FirstBreak!.StreamId);
        await SwapSequencesAsync(firstSeq, secondSeq);
        Assert.True((await VerifyAsync()).Intact);

        // Deleted
        await ExecuteAsync($"delete from registration.mt_events where seq_id = {secondSeq}");
        var deleted = await VerifyAsync();
        Assert.False(deleted.Intact);
        Assert.Equal(new ChainBreak(secondSeq, second, 1, BreakKind.Deleted, deleted.FirstBreak!.Detail), deleted.FirstBreak);
        Assert.Equal(BreakKind.Deleted, (await VerifyAsync(second)).FirstBreak!.Kind);
        Assert.True((await VerifyAsync(first)).Intact);
    }

    [Fact]
    public async Task Only_auditors_may_verify()
    {
        using var officer = system.Registration.ClientAs("intake.officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/audit/verify")).StatusCode);
        using var auditor = system.Registration.ClientAs("auditor");
        var report = await auditor.GetFromJsonAsync<VerificationReport>("/audit/verify", HistoryFile.Json);
        Assert.Equal("registration", report!.Service);
    }

    private static (long, BreakKind) Located(VerificationReport report) => (report.FirstBreak!.Sequence, report.FirstBreak.Kind);

    private async Task<Guid> AppendDossierAsync(string receiptCode)
    {
        var id = Guid.NewGuid();
        await using var session = Store.LightweightSession();
        session.LastModifiedBy = "intake.officer";
        session.Events.StartStream(id, new RegistrationEvents.DossierAccepted(
            id, receiptCode, Guid.NewGuid(), "Project", [], DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return id;
    }

    private async Task<VerificationReport> VerifyAsync(Guid? stream = null)
    {
        using var auditor = system.Registration.ClientAs("auditor");
        return (await auditor.GetFromJsonAsync<VerificationReport>(
            stream is { } id ? $"/audit/verify?stream={id}" : "/audit/verify", HistoryFile.Json))!;
    }

    private async Task<(long Sequence, string Data)> RowAsync(Guid stream)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "select seq_id, data::text from registration.mt_events where stream_id = @s", connection);
        command.Parameters.AddWithValue("s", stream);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private async Task RestoreDataAsync(long sequence, string data)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "update registration.mt_events set data = @d::jsonb where seq_id = @s", connection);
        command.Parameters.AddWithValue("d", data);
        command.Parameters.AddWithValue("s", sequence);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>Row a takes b's place in the log and b takes a's (through a free number: seq_id is unique).</summary>
    private async Task SwapSequencesAsync(long a, long b)
    {
        await ExecuteAsync($"update registration.mt_events set seq_id = -1 where seq_id = {a}");
        await ExecuteAsync($"update registration.mt_events set seq_id = {a} where seq_id = {b}");
        await ExecuteAsync($"update registration.mt_events set seq_id = {b} where seq_id = -1");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        return connection;
    }
}
