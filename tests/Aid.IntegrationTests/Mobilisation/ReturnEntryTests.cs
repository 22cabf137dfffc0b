using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Registration.Catalogue;
using Xunit;

namespace Aid.IntegrationTests.MobilisationTests;

public sealed class ReturnEntryTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MobilisationApi api = new(system);

    [Fact]
    public async Task Sở_Ngoại_vụ_returns_a_proposal_with_comments_the_proposer_reads()
    {
        var id = await api.ProposeAsync();
        using var officer = api.As("mobilisation.officer");
        var response = await AppraisalDriver.Ok(officer.PostAsJsonAsync($"/catalogue/entries/{id}/return",
            new { comments = "Bổ sung dự toán chi tiết và số người hưởng lợi theo nhóm." }));
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);

        using var proposer = api.As("commune.proposer");
        var entry = await MobilisationApi.Json(await proposer.GetAsync($"/catalogue/entries/{id}"));
        Assert.Equal("Returned", entry.GetProperty("status").GetString());
        Assert.Equal("Bổ sung dự toán chi tiết và số người hưởng lợi theo nhóm.",
            entry.GetProperty("returns")[0].GetProperty("comments").GetString());
    }

    [Fact]
    public async Task Returning_needs_comments_and_a_proposal_under_review()
    {
        var id = await api.ProposeAsync();
        using var officer = api.As("mobilisation.officer");
        await RegistrationApi.AssertInvalid(await officer.PostAsJsonAsync($"/catalogue/entries/{id}/return", new { comments = " " }), "comments");

        await AppraisalDriver.Ok(officer.PostAsJsonAsync($"/catalogue/entries/{id}/return", new { comments = "Thiếu dự toán." }));
        var again = await officer.PostAsJsonAsync($"/catalogue/entries/{id}/return", new { comments = "Lần nữa." });
        var problem = await AppraisalDriver.Problem(again, HttpStatusCode.Conflict, "wrong-entry-status");
        Assert.Contains("đã trả lại", problem.GetProperty("vi").GetProperty("detail").GetString());

        Assert.Equal(EntryStatus.Returned, (await api.EntryAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound,
            (await officer.PostAsJsonAsync($"/catalogue/entries/{Guid.NewGuid()}/return", new { comments = "x" })).StatusCode);
    }
}
