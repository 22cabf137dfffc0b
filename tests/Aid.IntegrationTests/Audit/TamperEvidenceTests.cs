using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults.Audit;
using Marten;
using Npgsql;
using Xunit;
using RegistrationEvents = Aid.Registration.Dossiers;

namespace Aid.IntegrationTests.Audit;

/// <summary>
/// Every event is sealed into its stream's hash chain; editing, deleting or swapping an event row directly in
/// PostgreSQL is detected and located.
/// </summary>
public sealed class TamperEvidenceTests(AidSystem system) : IClassFixture<AidSystem>
{
    private IDocumentStore Store => AidSystem.StoreOf(system.Registration);

    [Fact]
    public async Task Edited_deleted_and_swapped_rows_are_detected_and_located()
    {
        var first = await AppendDossierAsync("SNV-20261123-101");
        var second = await AppendDossierAsync("SNV-20261123-102");
        var sealedReport = await Eventually.Returns(async () =>
        {
            var r = await VerifyAsync();
            return r.EventsChecked >= 2 ? r : null;
        }, "the events to be sealed");
        Assert.True(sealedReport.Intact, sealedReport.FirstBreak?.Detail);

        var (firstSeq, firstData) = await RowAsync(first);
        var (secondSeq, secondData) = await RowAsync(second);

        // Edited
        await ExecuteAsync("update registration.mt_events set data = jsonb_set(data, '{ReceiptCode}', '\"SNV-FORGED\"') " +
                           $"where seq_id = {firstSeq}");
        var edited = await VerifyAsync();
        Assert.False(edited.Intact);
        Assert.Equal(firstSeq, edited.FirstBreak!.Sequence);
        Assert.Equal(BreakKind.Edited, edited.FirstBreak.Kind);
        var streamReport = await VerifyAsync(first);
        Assert.Equal(first, streamReport.FirstBreak!.StreamId);
        Assert.True((await VerifyAsync(second)).Intact);
        await RestoreDataAsync(firstSeq, firstData);
        Assert.True((await VerifyAsync()).Intact);

        // Swapped: two rows exchange their payloads.
        await RestoreDataAsync(firstSeq, secondData);
        await RestoreDataAsync(secondSeq, firstData);
        var swapped = await VerifyAsync();
        Assert.Equal(firstSeq, swapped.FirstBreak!.Sequence);
        await RestoreDataAsync(firstSeq, firstData);
        await RestoreDataAsync(secondSeq, secondData);

        // Deleted
        await ExecuteAsync($"delete from registration.mt_events where seq_id = {secondSeq}");
        var deleted = await VerifyAsync();
        Assert.False(deleted.Intact);
        Assert.Equal(secondSeq, deleted.FirstBreak!.Sequence);
        Assert.Equal(BreakKind.Deleted, deleted.FirstBreak.Kind);
    }

    [Fact]
    public async Task Only_auditors_may_verify()
    {
        using var officer = system.Registration.ClientAs("intake.officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/audit/verify")).StatusCode);
        using var auditor = system.Registration.ClientAs("auditor");
        var report = await auditor.GetFromJsonAsync<VerificationReport>("/audit/verify");
        Assert.Equal("registration", report!.Service);
    }

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

    private Task<VerificationReport> VerifyAsync(Guid? stream = null) =>
        system.Registration.Services.GetRequiredServiceOf<ChainVerifier>().VerifyAsync(stream);

    private async Task<(long Sequence, string Data)> RowAsync(Guid stream)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "select seq_id, data::text from registration.mt_events where stream_id = @s", connection);
        command.Parameters.AddWithValue("s", stream);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private async Task RestoreDataAsync(long sequence, string data)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "update registration.mt_events set data = @d::jsonb where seq_id = @s", connection);
        command.Parameters.AddWithValue("d", data);
        command.Parameters.AddWithValue("s", sequence);
        await command.ExecuteNonQueryAsync();
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

internal static class ServiceProviderExtensions
{
    public static T GetRequiredServiceOf<T>(this IServiceProvider services) where T : notnull =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(services);
}
