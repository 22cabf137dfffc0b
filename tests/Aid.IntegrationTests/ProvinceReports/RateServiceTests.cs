using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Monitoring.Quality;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>POST /dossiers/{id}/rating: the NGO rates the service once its result is out, once; the rating reaches
/// Monitoring's quality index.</summary>
public sealed class RateServiceTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task The_ngo_rates_once_after_the_result_and_the_index_counts_it()
    {
        var (ngoId, receipt) = await api.AcceptedDossierAsync();
        var id = receipt.DossierId;
        using var staff = api.AsNgo(ngoId);

        var early = await staff.PostAsJsonAsync($"/dossiers/{id}/rating", new { score = 4 });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("result-not-out", (await RegistrationApi.Read(early))["code"]!.GetValue<string>());

        var decided = new DossierDecided(new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow, "decider", "UBND", "corr", null, "appraisal", 1),
            id, receipt.ReceiptCode, DecisionOutcome.Refused) { Reasons = "Không phù hợp quy hoạch", DecisionDate = api.Today, NgoId = ngoId };
        await system.Registration.Services.GetRequiredService<IBus>().Publish(decided);
        await Eventually.Returns(async () => (await api.StatusAsync(id)).Stage == "Refused" ? "refused" : null, "the refusal to reach the NGO");

        await RegistrationApi.AssertInvalid(await staff.PostAsJsonAsync($"/dossiers/{id}/rating", new { score = 6 }), "score");
        using var other = api.AsNgo(await api.RegisterNgoAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/dossiers/{id}/rating", new { score = 1 })).StatusCode);
        using var officer = api.As("intake.officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/dossiers/{id}/rating", new { score = 1 })).StatusCode);

        var rated = await staff.PostAsJsonAsync($"/dossiers/{id}/rating", new { score = 3, comment = "Chờ lâu ở khâu thẩm định." });
        Assert.True(rated.StatusCode == HttpStatusCode.OK, await rated.Content.ReadAsStringAsync());
        Assert.Equal(3, (await api.StatusAsync(id)).Rating);
        var again = await staff.PostAsJsonAsync($"/dossiers/{id}/rating", new { score = 5 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("already-rated", (await RegistrationApi.Read(again))["code"]!.GetValue<string>());

        // Relayed as ServiceRated and recorded by Monitoring: a lost point of 20 × (5 − 3) / 4 on the only rating.
        using var compiler = system.Monitoring.ClientAs("mobilisation.officer");
        var day = api.Today.ToString("yyyy-MM-dd");
        var index = await Eventually.Returns(async () =>
        {
            var found = await compiler.GetFromJsonAsync<QualityIndex>($"/quality?from={day}&to={day}&asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}", RegistrationApi.Json);
            return found!.Province.Ratings == 1 ? found : null;
        }, "the rating to reach the quality index");
        var lost = Assert.Single(index.Province.LostPoints, l => l.Component == "rating");
        Assert.Equal((receipt.ReceiptCode, 10m), (lost.ReceiptCode, lost.Points));
        Assert.Equal(3m, index.Province.AverageRating);
        Assert.Equal(1, index.Province.ReceivedOnline);
    }
}
