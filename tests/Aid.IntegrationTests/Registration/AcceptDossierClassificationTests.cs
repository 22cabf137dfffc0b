using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Dossiers;
using Aid.Security.Reviews;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>
/// Intake classifies who decides the aid once, from the ticked areas, with the officer confirming or changing it (a
/// change needs a reason); Security applies the same answer (a Prime Minister matter gets the full review).
/// </summary>
public sealed class AcceptDossierClassificationTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task The_ticked_religion_area_is_confirmed_as_a_Prime_Minister_matter_by_accepting_without_a_body()
    {
        var (_, receipt) = await api.AcceptedDossierAsync(sensitive: ["Religion"]);
        var accepted = Assert.IsType<DossierAccepted>((await api.EventsOf(receipt.DossierId)).Last());
        Assert.True(accepted.Classification!.PrimeMinisterMatter);
        Assert.Equal(["Religion"], accepted.Classification.Grounds);
        Assert.Null(accepted.Classification.ChangeReason);
    }

    [Fact]
    public async Task The_officer_classifies_security_aid_with_a_reason_and_Security_opens_a_full_review()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId, RegistrationApi.DossierBody());
        using var officer = api.As("intake.officer");
        var noReason = await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/accept", new { decidedBy = "PrimeMinister" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("classificationReason", await noReason.Content.ReadAsStringAsync());
        Assert.Equal("IntakeCheck", (await api.StatusAsync(receipt.DossierId)).Stage);

        var accepted = await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/accept",
            new { decidedBy = "PrimeMinister", classificationReason = "Trang thiết bị cho lực lượng biên phòng." });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var recorded = Assert.IsType<DossierAccepted>((await api.EventsOf(receipt.DossierId)).Last());
        Assert.Equal((true, "Trang thiết bị cho lực lượng biên phòng."), (recorded.Classification!.PrimeMinisterMatter, recorded.Classification.ChangeReason));

        using var security = system.Security.ClientAs("security.officer");
        var review = await Eventually.Returns(async () =>
        {
            var response = await security.GetAsync($"/security-reviews/{receipt.DossierId}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }, "the security review to open");
        Assert.Contains("\"Full\"", review);
        Assert.Contains(Screening.PrimeMinisterMatter, review);
    }
}
