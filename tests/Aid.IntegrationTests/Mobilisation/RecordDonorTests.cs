using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Xunit;

namespace Aid.IntegrationTests.MobilisationTests;

public sealed class RecordDonorTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MobilisationApi api = new(system);

    private static object Donor(string phone = "+82 2 555 0101") => new
    {
        kind = "ForeignInvestedEnterprise", name = "Hyosung Đồng Nai", country = "Korea", contactPerson = "Kim Min-jun",
        email = "csr@hyosung.example", phone, sectors = new[] { "Education", "GreenGrowth" }, notes = "Quỹ CSR hằng năm.",
    };

    [Fact]
    public async Task A_donor_beyond_the_registry_is_recorded_and_updated()
    {
        using var officer = api.As("mobilisation.officer");
        var created = await officer.PostAsJsonAsync("/donors", Donor());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await MobilisationApi.Json(created)).GetProperty("donorId").GetGuid();

        await AppraisalDriver.Ok(officer.PutAsJsonAsync($"/donors/{id}", Donor("+82 2 555 0199")));
        await AppraisalDriver.Problem(await officer.PutAsJsonAsync($"/donors/{id}", Donor("+82 2 555 0199")), HttpStatusCode.Conflict, "donor-unchanged");

        using var auditor = api.As("auditor");
        var donors = await MobilisationApi.Json(await auditor.GetAsync("/donors"));
        var donor = Assert.Single(donors.EnumerateArray());
        Assert.Equal("+82 2 555 0199", donor.GetProperty("details").GetProperty("phone").GetString());
        Assert.Equal("ForeignInvestedEnterprise", donor.GetProperty("details").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_donor_needs_a_kind_a_name_and_known_sectors()
    {
        using var officer = api.As("mobilisation.officer");
        await RegistrationApi.AssertInvalid(await officer.PostAsJsonAsync("/donors", new { sectors = new[] { "Casinos" } }),
            "kind", "name", "sectors[0]");
    }
}
