using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Registration.Catalogue;
using Xunit;

namespace Aid.IntegrationTests.MobilisationTests;

public sealed class ProposeEntryTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MobilisationApi api = new(system);

    [Fact]
    public async Task A_commune_proposes_an_entry_that_waits_for_review_and_only_its_agency_sees()
    {
        var id = await api.ProposeAsync();

        var entry = await api.EntryAsync(id);
        Assert.Equal(EntryStatus.Proposed, entry.Status);
        Assert.Equal("UBNDX", entry.ProposingAgency);
        Assert.Equal(3_000_000_000m, entry.Content.AidNeededVnd);
        var proposed = Assert.IsType<CatalogueEntryProposed>(Assert.Single(await api.Registration.EventsOf(id)));
        Assert.Equal("Health", proposed.Content.Sector);

        using var commune = api.As("commune.proposer");
        var own = await MobilisationApi.Json(await commune.GetAsync("/catalogue/entries"));
        Assert.Contains(own.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        using var health = api.As("health.proposer");
        Assert.Equal(HttpStatusCode.NotFound, (await health.GetAsync($"/catalogue/entries/{id}")).StatusCode);
        var theirs = await MobilisationApi.Json(await health.GetAsync("/catalogue/entries"));
        Assert.DoesNotContain(theirs.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        using var officer = api.As("mobilisation.officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/catalogue/entries/{id}")).StatusCode);

        // Not public until published.
        using var anonymous = api.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/catalogue/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_every_field_in_both_languages()
    {
        var body = MobilisationApi.EntryBody(sector: "Astrology", cost: 100, counterpart: 200);
        body["titleEn"] = "";
        body.Remove("priority");
        using var client = api.As("commune.proposer");
        var response = await client.PostAsJsonAsync("/catalogue/entries", new JsonObject { ["entry"] = body });

        await RegistrationApi.AssertInvalid(response, "sector", "titleEn", "priority", "counterpartFundsVnd", "Lĩnh vực không có trong danh sách");
    }

    [Fact]
    public async Task A_repeated_proposal_with_the_same_id_is_a_conflict_not_a_duplicate()
    {
        var id = Guid.NewGuid();
        using var client = api.As("health.proposer");
        var request = new JsonObject { ["id"] = id.ToString(), ["entry"] = MobilisationApi.EntryBody() };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/catalogue/entries", request)).StatusCode);
        await AppraisalDriver.Problem(await client.PostAsJsonAsync("/catalogue/entries", request.DeepClone()), HttpStatusCode.Conflict, "entry-already-proposed");
    }
}
