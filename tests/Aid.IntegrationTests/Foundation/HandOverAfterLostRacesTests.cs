using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.IntegrationTests.SecurityReviews;
using Aid.Registration.Dossiers;
using Marten;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Aid.IntegrationTests.Foundation;

/// <summary>
/// A lost optimistic-concurrency race rolls back its append and leaves a gap in the service's event sequence. With
/// the four services in one database the other services' open leadership transactions looked like writers that might
/// still fill the gap, and the next hand-over waited out the 10 s cap (10.2–10.6 s measured). With a database of its
/// own, the daemon waits only Marten's stale-gap threshold (3 s) before it checks that nothing could still fill the
/// gap. The target is under 1 s; a 100 ms threshold met it but once let the sealer pass a gap that a slow
/// append then filled (CI, under load), so the threshold stays at Marten's 3 s and this test holds the line at 5 s,
/// half the old stall.
/// </summary>
public sealed class HandOverAfterLostRacesTests(AidSystem system, ITestOutputHelper output) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi registration = new(system);

    [Fact]
    public async Task The_next_hand_over_after_20_racing_commands_is_not_held_up_by_other_services()
    {
        var (ngoId, receipt) = await registration.AcceptedDossierAsync();
        var id = receipt.DossierId;
        await system.ReviewAsync(id, _ => true, "the security review to open");
        await system.AssignAsync(id);
        using var officer = system.Security.ClientAs("security.officer");

        // A race whose losers all fail before appending leaves no gap (the version check comes first): race again.
        var gapsBefore = await SequenceGapsAsync();
        var lost = 0;
        for (var round = 1; round <= 5 && await SequenceGapsAsync() == gapsBefore; round++)
            lost += await RaceAsync(officer, id);
        Assert.True(await SequenceGapsAsync() > gapsBefore, "the lost races should have rolled back appends, leaving sequence gaps");

        // The next hand-over: Security's conclusion, once recorded, reaches the NGO's status view in Registration.
        var concluded = await officer.PostAsJsonAsync($"/security-reviews/{id}/conclusion", new { verdict = "Cleared" });
        Assert.Equal(HttpStatusCode.OK, concluded.StatusCode);
        var clock = Stopwatch.StartNew();
        using var staff = registration.AsNgo(ngoId);
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            var status = await staff.GetFromJsonAsync<DossierStatus>($"/dossiers/{id}/status", RegistrationApi.Json);
            if (status!.Timeline.Any(s => s.Step == "SecurityConcluded"))
                break;
            await Task.Delay(20);
        }
        var visibleAfter = clock.Elapsed;
        output.WriteLine($"{lost} lost races; the next hand-over visible after {visibleAfter.TotalMilliseconds:F0} ms");

        Assert.True(visibleAfter < TimeSpan.FromSeconds(5),
            $"The conclusion reached the NGO's status view {visibleAfter.TotalMilliseconds:F0} ms after it was recorded.");
    }

    /// <summary>20 officers record a finding at once, each against the version they all saw: one wins, the others
    /// lose (409). Returns how many lost.</summary>
    private async Task<int> RaceAsync(HttpClient officer, Guid id)
    {
        var version = (await system.EventsAsync(id)).Count;
        var racing = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/security-reviews/{id}/findings")
            {
                Content = JsonContent.Create(new { text = $"Phát hiện số {i}.", severity = "Low" }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            return officer.SendAsync(request);
        }));
        Assert.Single(racing, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(racing, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        return racing.Count(r => r.StatusCode == HttpStatusCode.Conflict);
    }

    /// <summary>Sequence numbers Security handed out that no committed event holds (rolled-back appends).</summary>
    private async Task<long> SequenceGapsAsync()
    {
        var store = AidSystem.StoreOf(system.Security);
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"select (select last_value from {schema}.mt_events_sequence) - (select count(*) from {schema}.mt_events)", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
