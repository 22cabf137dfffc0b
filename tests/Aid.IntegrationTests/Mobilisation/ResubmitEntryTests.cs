using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Catalogue;
using Xunit;

namespace Aid.IntegrationTests.MobilisationTests;

public sealed class ResubmitEntryTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MobilisationApi api = new(system);

    [Fact]
    public async Task The_proposer_revises_a_returned_entry_which_is_then_published()
    {
        var id = await api.ProposeAsync();
        using var officer = api.As("mobilisation.officer");
        await AppraisalDriver.Ok(officer.PostAsJsonAsync($"/catalogue/entries/{id}/return", new { comments = "Nêu rõ vốn đối ứng." }));

        using var proposer = api.As("commune.proposer");
        var revised = MobilisationApi.EntryBody(counterpart: 700_000_000m);
        await AppraisalDriver.Ok(proposer.PutAsJsonAsync($"/catalogue/entries/{id}", revised));
        var entry = await api.EntryAsync(id);
        Assert.Equal(EntryStatus.Proposed, entry.Status);
        Assert.Equal(700_000_000m, entry.Content.CounterpartFundsVnd);

        await AppraisalDriver.Ok(officer.PostAsync($"/catalogue/entries/{id}/publish", null));
        var published = await api.EntryAsync(id);
        Assert.Equal(EntryStatus.Published, published.Status);
        Assert.Equal(published.PublishedOn!.Value.AddYears(1).AddDays(-1), published.ValidUntil);
        Assert.Single(published.Returns);
        Assert.Collection(await api.Registration.EventsOf(id),
            e => Assert.IsType<CatalogueEntryProposed>(e),
            e => Assert.IsType<CatalogueEntryReturned>(e),
            e => Assert.IsType<CatalogueEntryResubmitted>(e),
            e => Assert.IsType<CatalogueEntryPublished>(e));
    }

    [Fact]
    public async Task Only_the_proposing_agency_resubmits_and_only_a_returned_entry()
    {
        var id = await api.ProposeAsync();
        using var proposer = api.As("commune.proposer");
        await AppraisalDriver.Problem(await proposer.PutAsJsonAsync($"/catalogue/entries/{id}", MobilisationApi.EntryBody()),
            HttpStatusCode.Conflict, "wrong-entry-status");

        using var officer = api.As("mobilisation.officer");
        await AppraisalDriver.Ok(officer.PostAsJsonAsync($"/catalogue/entries/{id}/return", new { comments = "Sửa tiêu đề." }));
        using var otherAgency = api.As("health.proposer");
        Assert.Equal(HttpStatusCode.NotFound,
            (await otherAgency.PutAsJsonAsync($"/catalogue/entries/{id}", MobilisationApi.EntryBody())).StatusCode);
        Assert.Equal(EntryStatus.Returned, (await api.EntryAsync(id)).Status);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict()
    {
        var id = await api.ProposeAsync();
        using var officer = api.As("mobilisation.officer");
        await AppraisalDriver.Ok(officer.PostAsJsonAsync($"/catalogue/entries/{id}/return", new { comments = "Sửa." }));
        using var proposer = api.As("commune.proposer");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/catalogue/entries/{id}")
        {
            Content = JsonContent.Create(MobilisationApi.EntryBody()),
        };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.Conflict, (await proposer.SendAsync(request)).StatusCode);
    }
}
