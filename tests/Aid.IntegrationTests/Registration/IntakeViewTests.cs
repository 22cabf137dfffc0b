using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>
/// The intake officer's full read of a dossier (<c>GET /dossiers/{id}/intake</c>): the content, the files, and each
/// itemised supplement request (items, note, answer-by date) with the NGO's answers; nobody outside intake reads it.
/// </summary>
public sealed class IntakeViewTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task The_officer_reads_the_content_the_files_and_each_supplement_request_with_its_answers()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        using var officer = api.As("intake.officer");
        using var staff = api.AsNgo(ngoId);
        var answerBy = api.Today.AddDays(10);
        await RegistrationApi.AssertInvalid(await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request",
            new { missingItems = new[] { "Budget" }, answerBy = api.Today }), "answerBy");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request",
            new { missingItems = new[] { "Budget per commune", "Map" }, note = "In Vietnamese", answerBy })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/resubmit", new
        {
            note = "Both attached",
            answers = new object[] { new { item = "Budget per commune", note = "Annex 3" }, new { item = "Map", note = "Annex 4" } },
        })).StatusCode);

        var view = await RegistrationApi.Read(await officer.GetAsync($"/dossiers/{receipt.DossierId}/intake"));

        Assert.Equal("IntakeCheck", view["stage"]!.GetValue<string>());
        Assert.Equal("UBND huyện Tân Phú", view["content"]!["aidOwner"]!.GetValue<string>());
        Assert.Equal(120000m * 25400m, view["content"]!["budget"]!["amountVnd"]!.GetValue<decimal>());
        Assert.Equal(2, view["uploaded"]!.AsArray().Count);
        Assert.Empty(view["notUploaded"]!.AsArray());
        var round = Assert.Single(view["supplements"]!.AsArray())!;
        Assert.Equal(answerBy.ToString("yyyy-MM-dd"), round["answerBy"]!.GetValue<string>());
        Assert.Equal("In Vietnamese", round["note"]!.GetValue<string>());
        Assert.Equal("Both attached", round["answerNote"]!.GetValue<string>());
        Assert.Equal("Annex 4", round["answers"]![1]!["note"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/dossiers/{receipt.DossierId}/documents/{view["uploaded"]![0]!["id"]}")).StatusCode);
        using var police = api.As("security.officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/dossiers/{receipt.DossierId}/intake")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/dossiers/{receipt.DossierId}/intake")).StatusCode);
    }
}
