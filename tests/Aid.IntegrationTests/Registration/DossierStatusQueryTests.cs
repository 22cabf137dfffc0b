using System.Net;
using System.Net.Http.Json;
using Aid.Contracts;
using Aid.Contracts.Security;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Dossiers;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>
/// GET /dossiers/{id}/status reads the projected status view: its ETag is the dossier stream's version, a caller
/// holding that version gets 304 with no body, and every new event (a command here, a step another agency
/// published, a file uploaded) moves it. Another NGO's dossier stays hidden (404).
/// </summary>
public sealed class DossierStatusQueryTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task The_etag_is_the_stream_version_and_a_caller_holding_it_gets_304_without_a_body()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        using var staff = api.AsNgo(ngoId);

        var response = await staff.GetAsync($"/dossiers/{receipt.DossierId}/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = (await response.Content.ReadFromJsonAsync<DossierStatus>(RegistrationApi.Json))!;
        var version = await StreamVersionAsync(receipt.DossierId);
        // Submitted, then one upload per listed document: uploads change nothing the NGO reads but move the version.
        Assert.Equal(3, version);
        Assert.Equal(version, status.Version);
        Assert.Equal($"\"{version}\"", response.Headers.ETag?.ToString());
        Assert.Equal("IntakeCheck", status.Stage);
        Assert.False(string.IsNullOrEmpty(status.Province));

        foreach (var held in new[] { $"\"{version}\"", $"W/\"{version}\"", $"\"0\", \"{version}\"" })
        {
            var again = await GetHolding(staff, receipt.DossierId, held);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Equal($"\"{version}\"", again.Headers.ETag?.ToString());
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await GetHolding(staff, receipt.DossierId, $"\"{version - 1}\"")).StatusCode);
    }

    [Fact]
    public async Task A_command_answers_the_new_version_and_the_next_read_agrees_with_it()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        using var staff = api.AsNgo(ngoId);
        var before = await staff.GetAsync($"/dossiers/{receipt.DossierId}/status");
        var heldTag = before.Headers.ETag!.ToString();

        using var officer = api.As("intake.officer");
        var requested = await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request",
            new { missingItems = new[] { "Audited accounts" }, note = "Last two years" });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var changed = (await requested.Content.ReadFromJsonAsync<DossierChanged>(RegistrationApi.Json))!;
        Assert.Equal("SupplementRequested", changed.Stage);
        Assert.Equal(await StreamVersionAsync(receipt.DossierId), changed.Version);
        Assert.Equal($"\"{changed.Version}\"", requested.Headers.ETag?.ToString());

        var after = await GetHolding(staff, receipt.DossierId, heldTag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal($"\"{changed.Version}\"", after.Headers.ETag?.ToString());
        var status = (await after.Content.ReadFromJsonAsync<DossierStatus>(RegistrationApi.Json))!;
        Assert.Equal("SupplementRequested", status.Stage);
        Assert.Equal(["Audited accounts"], status.MissingItems);
        Assert.Equal("Last two years", status.Supplement?.Note);
        Assert.Null(status.StageDueDate);
        Assert.Equal("SupplementRequested", status.Timeline[^1].Step);
        Assert.Equal("Yêu cầu bổ sung hồ sơ", status.Timeline[^1].Label.Vi);
    }

    [Fact]
    public async Task A_step_another_agency_published_moves_the_etag_and_the_answer()
    {
        var (ngoId, receipt) = await api.AcceptedDossierAsync();
        using var staff = api.AsNgo(ngoId);
        var accepted = await staff.GetAsync($"/dossiers/{receipt.DossierId}/status");
        var heldTag = accepted.Headers.ETag!.ToString();
        Assert.Equal("SecurityCheck", (await accepted.Content.ReadFromJsonAsync<DossierStatus>(RegistrationApi.Json))!.Stage);

        var bus = system.Registration.Services.GetRequiredService<IBus>();
        await bus.Publish(new SecurityReviewConcluded(
            new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow, "someone", "CAT", "corr", null, "security", 1),
            receipt.DossierId, receipt.ReceiptCode, SecurityVerdict.Cleared, []));

        string? etag = null;
        var status = await Eventually.Returns(async () =>
        {
            var response = await GetHolding(staff, receipt.DossierId, heldTag);
            etag = response.Headers.ETag?.ToString();
            var read = response.StatusCode == HttpStatusCode.OK
                ? await response.Content.ReadFromJsonAsync<DossierStatus>(RegistrationApi.Json) : null;
            return read?.Timeline.Any(s => s.Step == "SecurityConcluded") == true ? read : null;
        }, "the security conclusion in the status view");
        // (The real Appraisal service opens its appraisal on the same message; its step may follow at any time.)
        Assert.True(status.Version > long.Parse(heldTag.Trim('"')), $"{status.Version} after {heldTag}");
        Assert.Equal($"\"{status.Version}\"", etag);
        Assert.Equal("Appraisal", status.Stage);
        Assert.Equal("STC", status.HoldingAgency?.Code);
    }

    [Fact]
    public async Task Another_ngo_gets_404_even_holding_the_current_etag()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        var other = await api.RegisterNgoAsync();
        using var stranger = api.AsNgo(other);
        var version = await StreamVersionAsync(receipt.DossierId);

        var response = await GetHolding(stranger, receipt.DossierId, $"\"{version}\"");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/dossiers/by-receipt/{receipt.ReceiptCode}")).StatusCode);
    }

    private static Task<HttpResponseMessage> GetHolding(HttpClient client, Guid id, string etags)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/dossiers/{id}/status");
        request.Headers.TryAddWithoutValidation("If-None-Match", etags);
        return client.SendAsync(request);
    }

    private async Task<long> StreamVersionAsync(Guid id)
    {
        await using var session = api.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))!.Version;
    }
}
