using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Xunit;

namespace Aid.IntegrationTests.MobilisationTests;

public sealed class RecordDialogueTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MobilisationApi api = new(system);

    [Fact]
    public async Task A_dialogue_with_NGOs_is_recorded_with_topics_and_follow_ups_that_get_done()
    {
        var ngoId = await api.Registration.RegisterNgoAsync();
        using var officer = api.As("mobilisation.officer");
        var created = await officer.PostAsJsonAsync("/dialogues", new
        {
            heldOn = "2026-11-20", title = "Đối thoại với các tổ chức PCPNN năm 2026", ngoIds = new[] { ngoId },
            participants = new[] { "Liên hiệp các tổ chức hữu nghị tỉnh", "Sở Y tế" },
            topics = new[] { "Danh mục dự án kêu gọi viện trợ 2027", "Thủ tục tiếp nhận" },
            followUps = new[] { new { action = "Gửi danh mục bản tiếng Anh", owner = "Sở Ngoại vụ", dueDate = "2026-12-05" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await MobilisationApi.Json(created)).GetProperty("dialogueId").GetGuid();

        await AppraisalDriver.Ok(officer.PostAsJsonAsync($"/dialogues/{id}/follow-ups/0/complete", new { outcome = "Đã gửi ngày 01/12." }));
        await AppraisalDriver.Problem(await officer.PostAsJsonAsync($"/dialogues/{id}/follow-ups/0/complete", new { }), HttpStatusCode.Conflict, "follow-up-done");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"/dialogues/{id}/follow-ups/3/complete", new { })).StatusCode);

        var dialogues = await MobilisationApi.Json(await officer.GetAsync("/dialogues"));
        var dialogue = Assert.Single(dialogues.EnumerateArray());
        Assert.Equal(ngoId, dialogue.GetProperty("ngoIds")[0].GetGuid());
        Assert.True(dialogue.GetProperty("followUps")[0].GetProperty("done").GetBoolean());
    }

    [Fact]
    public async Task A_dialogue_needs_a_date_topics_and_someone_who_took_part()
    {
        using var officer = api.As("mobilisation.officer");
        await RegistrationApi.AssertInvalid(await officer.PostAsJsonAsync("/dialogues", new { title = "Họp" }), "heldOn", "topics");
        await AppraisalDriver.Problem(await officer.PostAsJsonAsync("/dialogues", new { heldOn = "2026-11-20", title = "Họp", topics = new[] { "x" } }),
            HttpStatusCode.UnprocessableEntity, "dialogue-without-participants");
    }
}
