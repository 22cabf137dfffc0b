using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Dossiers;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>The NGO answers the supplement request item by item: each item with a document, a note or both, read from
/// the notice on its status view (the officer's note and the answer-by date).</summary>
public sealed class ResubmitDossierTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    private async Task<(Guid NgoId, Guid DossierId)> SupplementRequestedAsync(params string[] items)
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        using var officer = api.As("intake.officer");
        var requested = await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request",
            new { missingItems = items, note = "Both signed by the director", answerBy = api.Today.AddDays(10) });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        return (ngoId, receipt.DossierId);
    }

    [Fact]
    public async Task The_NGO_reads_the_notice_and_answers_each_item_with_a_document_or_a_note()
    {
        var (ngoId, dossierId) = await SupplementRequestedAsync("Commitment letter", "Budget per commune");
        using var staff = api.AsNgo(ngoId);

        var notice = await staff.GetFromJsonAsync<DossierStatus>($"/dossiers/{dossierId}/status", RegistrationApi.Json);
        Assert.Equal(["Commitment letter", "Budget per commune"], notice!.MissingItems);
        Assert.Equal(new SupplementNotice(api.Today, "Both signed by the director", api.Today.AddDays(10)), notice.Supplement);
        var listed = await staff.GetFromJsonAsync<List<DossierSummary>>($"/ngos/{ngoId}/dossiers", RegistrationApi.Json);
        Assert.Equal(api.Today.AddDays(10), Assert.Single(listed!).SupplementAnswerBy);
        var published = Assert.IsType<SupplementRequested>((await api.EventsOf(dossierId)).Last());
        Assert.Equal(api.Today.AddDays(10), published.AnswerBy);

        var resubmitted = await staff.PostAsJsonAsync($"/dossiers/{dossierId}/resubmit", new
        {
            answers = new object[]
            {
                new { item = "Commitment letter", note = "The original was sent by post" },
                new
                {
                    item = "Budget per commune", note = "Per commune, in VND",
                    document = new { kind = "Supplement", name = "budget.xlsx", sizeBytes = 2048, sha256 = new string('b', 64) },
                },
            },
        });
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);

        var recorded = Assert.IsType<DossierResubmitted>((await api.EventsOf(dossierId)).Last());
        (string, string?, string?)[] expected =
            [("Commitment letter", null, "The original was sent by post"), ("Budget per commune", "budget.xlsx", "Per commune, in VND")];
        Assert.Equal(expected, recorded.Answers.Select(a => (a.Item, a.Document?.Name, a.Note)));
        var after = await staff.GetFromJsonAsync<DossierStatus>($"/dossiers/{dossierId}/status", RegistrationApi.Json);
        Assert.Equal("IntakeCheck", after!.Stage);
        Assert.Null(after.Supplement);
    }

    [Theory]
    [InlineData("vi", "Cần kèm tài liệu hoặc ghi chú cho mục «Budget per commune».")]
    [InlineData("en", "Attach a document or write a note for the item «Budget per commune».")]
    public async Task An_item_answered_with_neither_a_document_nor_a_note_is_refused_by_name(string language, string expected)
    {
        var (ngoId, dossierId) = await SupplementRequestedAsync("Commitment letter", "Budget per commune");
        using var staff = api.AsNgo(ngoId);
        var before = (await api.EventsOf(dossierId)).Count;

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/dossiers/{dossierId}/resubmit")
        {
            Content = JsonContent.Create(new
            {
                answers = new object[] { new { item = "Commitment letter", note = "Sent by post" }, new { item = "Budget per commune", note = "  " } },
            }),
            Headers = { { "Accept-Language", language } },
        };
        var response = await staff.SendAsync(request);

        await RegistrationApi.AssertInvalid(response, "answers[1]");
        var problem = await RegistrationApi.Read(response);
        Assert.Equal(expected, problem["errors"]!["answers[1]"]![0]![language]!.GetValue<string>());
        Assert.Equal(before, (await api.EventsOf(dossierId)).Count);
    }

    [Fact]
    public async Task Another_NGO_cannot_answer_the_supplement()
    {
        var (_, dossierId) = await SupplementRequestedAsync("Commitment letter");
        using var other = api.AsNgo(await api.RegisterNgoAsync());

        var response = await other.PostAsJsonAsync($"/dossiers/{dossierId}/resubmit",
            new { answers = new[] { new { item = "Commitment letter", note = "Ours" } } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/dossiers/{dossierId}/status")).StatusCode);
    }
}
