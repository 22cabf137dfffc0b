using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Xunit;
using Published = Aid.Contracts.Registration;

namespace Aid.IntegrationTests.MobilisationTests;

public sealed class PublishEntryTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MobilisationApi api = new(system);

    [Fact]
    public async Task A_published_entry_is_public_bilingual_and_searchable_by_sector_and_place_without_sign_in()
    {
        var published = await api.Bus.ListenAsync<Published.CatalogueEntryPublished>();
        var clinic = await api.PublishedAsync(MobilisationApi.EntryBody(sector: "Health", commune: "Xã Phú Lộc"));
        var school = await api.PublishedAsync(MobilisationApi.EntryBody(sector: "Education", commune: "Phường Tân Phong", titleVi: "Trường học xanh"));
        var pending = await api.ProposeAsync(MobilisationApi.EntryBody(sector: "Health", commune: "Xã Phú Lộc"));

        using var anonymous = api.Anonymous();
        var all = await MobilisationApi.Json(await anonymous.GetAsync("/public/catalogue"));
        var ids = all.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(clinic, ids);
        Assert.Contains(school, ids);
        Assert.DoesNotContain(pending, ids);

        var health = await MobilisationApi.Json(await anonymous.GetAsync("/public/catalogue?sector=health"));
        Assert.Equal([clinic], health.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        var entry = health[0];
        Assert.Equal("Nâng cấp trạm y tế xã Phú Lộc", entry.GetProperty("titleVi").GetString());
        Assert.Equal("Upgrading the Phú Lộc commune health station", entry.GetProperty("titleEn").GetString());
        Assert.Equal("Y tế", entry.GetProperty("sectorLabel").GetProperty("vi").GetString());
        Assert.Equal("Health", entry.GetProperty("sectorLabel").GetProperty("en").GetString());
        Assert.StartsWith("DM-", entry.GetProperty("code").GetString());

        var place = await MobilisationApi.Json(await anonymous.GetAsync($"/public/catalogue?commune={Uri.EscapeDataString("tân phong")}"));
        Assert.Equal([school], place.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Empty((await MobilisationApi.Json(await anonymous.GetAsync("/public/catalogue?sector=Education&commune=Phú%20Lộc"))).EnumerateArray());
        await RegistrationApi.AssertInvalid(await anonymous.GetAsync("/public/catalogue?sector=Astrology"), "sector");

        var sectors = await MobilisationApi.Json(await anonymous.GetAsync("/public/catalogue/sectors"));
        Assert.Contains(sectors.EnumerateArray(), s => s.GetProperty("code").GetString() == "DigitalTransformation"
            && s.GetProperty("vi").GetString() == "Chuyển đổi số");

        var message = await AppraisalDriver.Received(published, m => m.EntryId == clinic, "CatalogueEntryPublished to be published");
        Assert.Equal("Health", message.Sector);
        Assert.Equal(3_500_000_000m, message.EstimatedCostVnd);
        Assert.Equal(message.PublishedOn.AddYears(1).AddDays(-1), message.ValidUntil);
        Assert.Equal("mobilisation.officer", message.Metadata.Actor);
    }

    [Fact]
    public async Task An_entry_leaves_the_public_catalogue_after_its_year()
    {
        var id = await api.PublishedAsync(MobilisationApi.EntryBody(sector: "CircularEconomy"));
        using var anonymous = api.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/public/catalogue/{id}")).StatusCode);

        system.Clock.Advance(TimeSpan.FromDays(367));
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/catalogue/{id}")).StatusCode);
            var search = await MobilisationApi.Json(await anonymous.GetAsync("/public/catalogue?sector=CircularEconomy"));
            Assert.Empty(search.EnumerateArray());
        }
        finally
        {
            system.Clock.Advance(TimeSpan.FromDays(-367));
        }
    }

    [Fact]
    public async Task Only_a_proposal_under_review_is_published()
    {
        var id = await api.PublishedAsync();
        using var officer = api.As("mobilisation.officer");
        await AppraisalDriver.Problem(await officer.PostAsync($"/catalogue/entries/{id}/publish", null), HttpStatusCode.Conflict, "wrong-entry-status");
        var returned = await api.ProposeAsync();
        await AppraisalDriver.Ok(officer.PostAsJsonAsync($"/catalogue/entries/{returned}/return", new { comments = "Chưa rõ." }));
        await AppraisalDriver.Problem(await officer.PostAsync($"/catalogue/entries/{returned}/publish", null), HttpStatusCode.Conflict, "wrong-entry-status");
    }
}
