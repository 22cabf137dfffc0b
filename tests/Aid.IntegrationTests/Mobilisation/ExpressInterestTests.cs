using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults.Identity;
using Xunit;

namespace Aid.IntegrationTests.MobilisationTests;

public sealed class ExpressInterestTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MobilisationApi api = new(system);

    [Fact]
    public async Task A_registered_NGO_expresses_interest_once_and_Sở_Ngoại_vụ_sees_it()
    {
        var entryId = await api.PublishedAsync();
        var ngoId = await api.Registration.RegisterNgoAsync();
        using var ngo = api.Registration.AsNgo(ngoId);

        await AppraisalDriver.Ok(ngo.PostAsJsonAsync($"/catalogue/entries/{entryId}/interest", new { message = "Chúng tôi muốn khảo sát thực địa." }));
        await AppraisalDriver.Problem(await ngo.PostAsJsonAsync($"/catalogue/entries/{entryId}/interest", new { }),
            HttpStatusCode.Conflict, "interest-already-expressed");

        using var officer = api.As("mobilisation.officer");
        var entry = await MobilisationApi.Json(await officer.GetAsync($"/catalogue/entries/{entryId}"));
        var interest = Assert.Single(entry.GetProperty("interests").EnumerateArray());
        Assert.Equal(ngoId, interest.GetProperty("ngoId").GetGuid());
        Assert.Equal("Children's Relief Works", interest.GetProperty("ngoName").GetString());

        // The NGO's staff see what their NGO expressed interest in; another NGO sees none of it.
        var own = Assert.Single((await MobilisationApi.Json(await ngo.GetAsync("/catalogue/interests"))).EnumerateArray());
        Assert.Equal(entryId, own.GetProperty("entryId").GetGuid());
        Assert.Equal("Chúng tôi muốn khảo sát thực địa.", own.GetProperty("message").GetString());
        using var other = api.Registration.AsNgo(await api.Registration.RegisterNgoAsync());
        Assert.Empty((await MobilisationApi.Json(await other.GetAsync("/catalogue/interests"))).EnumerateArray());
    }

    [Fact]
    public async Task Interest_needs_a_published_entry_and_an_NGO_in_the_registry()
    {
        var proposed = await api.ProposeAsync();
        var ngoId = await api.Registration.RegisterNgoAsync();
        using var ngo = api.Registration.AsNgo(ngoId);
        Assert.Equal(HttpStatusCode.NotFound, (await ngo.PostAsJsonAsync($"/catalogue/entries/{proposed}/interest", new { })).StatusCode);

        var published = await api.PublishedAsync();
        using var unknown = system.Registration.ClientAs(DevelopmentUser.NgoStaff(Guid.NewGuid()));
        await AppraisalDriver.Problem(await unknown.PostAsJsonAsync($"/catalogue/entries/{published}/interest", new { }),
            HttpStatusCode.UnprocessableEntity, "ngo-not-active");
        Assert.Empty((await api.EntryAsync(published)).Interests);
    }
}
