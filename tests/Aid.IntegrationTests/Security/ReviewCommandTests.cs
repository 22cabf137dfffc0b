using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.Contracts.Security;
using Aid.IntegrationTests.Infrastructure;
using Aid.Security.Reviews;
using Xunit;

namespace Aid.IntegrationTests.SecurityReviews;

/// <summary>Assignment, findings and conclusion by security officers; what is published and what is not.</summary>
public sealed class ReviewCommandTests(AidSystem system) : IClassFixture<AidSystem>
{
    [Fact]
    public async Task Assign_record_a_finding_and_conclude_publishes_only_the_verdict_and_public_conditions()
    {
        await using var published = await PublishedMessages.ListenAsync<SecurityReviewConcluded>(system);
        var accepted = await system.AcceptDossierAsync(sensitiveAreas: ["Ethnicity"]);
        var id = accepted.DossierId;
        using var officer = system.Security.ClientAs("security.officer");

        var assigned = await officer.PostAsJsonAsync($"/security-reviews/{id}/assignments", new { officers = new[] { "security.officer", "officer.two" } });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(["security.officer", "officer.two"], (await assigned.JsonAsync()).GetProperty("officers").EnumerateArray().Select(o => o.GetString()));

        var finding = await officer.PostAsJsonAsync($"/security-reviews/{id}/findings",
            new { text = "Người liên hệ từng bị xử phạt hành chính năm 2019.", severity = "Medium" });
        Assert.Equal(HttpStatusCode.Created, finding.StatusCode);

        var concluded = await officer.PostAsJsonAsync($"/security-reviews/{id}/conclusion", new
        {
            verdict = "ClearedWithConditions",
            publicConditions = new[] { "Báo cáo danh sách chuyên gia nước ngoài trước khi nhập cảnh." },
            reasons = "Ghi chú nội bộ về người liên hệ.",
        });
        Assert.Equal(HttpStatusCode.OK, concluded.StatusCode);
        var view = await concluded.JsonAsync();
        Assert.Equal("Concluded", view.GetProperty("status").GetString());
        Assert.Equal("ClearedWithConditions", view.GetProperty("verdict").GetString());
        Assert.True(view.GetProperty("stage").GetProperty("onTime").GetBoolean());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("confidential").ValueKind);

        var message = await published.WaitForAsync(m => m.GetProperty("dossierId").GetGuid() == id, "SecurityReviewConcluded on the broker");
        Assert.Equal(accepted.ReceiptCode, message.GetProperty("receiptCode").GetString());
        Assert.Equal((int)SecurityVerdict.ClearedWithConditions, message.GetProperty("verdict").GetInt32());
        Assert.Equal(["Báo cáo danh sách chuyên gia nước ngoài trước khi nhập cảnh."],
            message.GetProperty("publicConditions").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("CAT", message.GetProperty("metadata").GetProperty("agency").GetString());
        Assert.Equal("security.officer", message.GetProperty("metadata").GetProperty("actor").GetString());
        var stage = view.GetProperty("stage");
        Assert.Equal(stage.GetProperty("endedOn").GetString(), message.GetProperty("concludedOn").GetString());
        Assert.Equal(stage.GetProperty("dueOn").GetString(), message.GetProperty("dueDate").GetString());
        Assert.True(message.GetProperty("onTime").GetBoolean());
        var raw = message.GetRawText();
        Assert.DoesNotContain("xử phạt", raw);
        Assert.DoesNotContain("Ghi chú nội bộ", raw);

        var events = await system.EventsAsync(id);
        Assert.Equal([typeof(SecurityReviewOpened), typeof(OfficersAssigned), typeof(FindingRecorded), typeof(ReviewConcluded)],
            events.Select(e => e.Data.GetType()));
        foreach (var e in events.Skip(1))
        {
            Assert.Equal("security.officer", e.UserName);
            Assert.Equal("CAT", e.GetHeader("agency")?.ToString());
            Assert.Equal("security-officer", e.GetHeader("role")?.ToString());
            Assert.NotNull(e.CorrelationId);
            Assert.NotNull(e.CausationId);
        }
    }

    [Fact]
    public async Task An_objection_puts_the_next_dossier_of_the_same_NGO_on_full_review()
    {
        await using var published = await PublishedMessages.ListenAsync<SecurityReviewConcluded>(system);
        var ngoId = Guid.NewGuid();
        var first = await system.AcceptDossierAsync(ngoId);
        Assert.Equal(ReviewTrack.Standard, (await system.ReviewAsync(first.DossierId, _ => true, "first review")).Track);
        await system.AssignAsync(first.DossierId);
        using var officer = system.Security.ClientAs("security.officer");

        var objection = await officer.PostAsJsonAsync($"/security-reviews/{first.DossierId}/conclusion",
            new { verdict = "Objection", reasons = "Tài trợ từ nguồn chưa xác minh." });
        Assert.Equal(HttpStatusCode.OK, objection.StatusCode);

        var message = await published.WaitForAsync(m => m.GetProperty("dossierId").GetGuid() == first.DossierId, "the objection on the broker");
        Assert.Equal((int)SecurityVerdict.Objection, message.GetProperty("verdict").GetInt32());
        Assert.Empty(message.GetProperty("publicConditions").EnumerateArray());
        Assert.DoesNotContain("chưa xác minh", message.GetRawText());

        var second = await system.AcceptDossierAsync(ngoId);
        var review = await system.ReviewAsync(second.DossierId, _ => true, "second review");
        Assert.Equal(ReviewTrack.Full, review.Track);
        Assert.Equal([Screening.EarlierObjection], review.ScreeningReasons);

        var otherNgo = await system.AcceptDossierAsync();
        Assert.Equal(ReviewTrack.Standard, (await system.ReviewAsync(otherNgo.DossierId, _ => true, "other NGO")).Track);
    }

    [Fact]
    public async Task Concluding_twice_is_refused_with_409_and_changes_nothing()
    {
        var accepted = await system.AcceptDossierAsync();
        await system.AssignAsync(accepted.DossierId);
        using var officer = system.Security.ClientAs("security.officer");
        var url = $"/security-reviews/{accepted.DossierId}/conclusion";

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync(url, new { verdict = "Cleared" })).StatusCode);
        var again = await officer.PostAsJsonAsync(url, new { verdict = "Objection", reasons = "second thoughts" });

        await SecurityTestKit.AssertProblemAsync(again, HttpStatusCode.Conflict, code: "review-concluded");
        var review = await system.ReviewAsync(accepted.DossierId, _ => true, "review");
        Assert.Equal(SecurityVerdict.Cleared, review.Verdict);
        Assert.Single(await system.EventsAsync(accepted.DossierId), e => e.Data is ReviewConcluded);
    }

    [Fact]
    public async Task Two_officers_concluding_at_once_give_one_success_and_one_409()
    {
        var accepted = await system.AcceptDossierAsync();
        await system.AssignAsync(accepted.DossierId);
        using var first = system.Security.ClientAs("security.officer");
        using var second = system.Security.ClientAs("security.officer");
        var url = $"/security-reviews/{accepted.DossierId}/conclusion";

        var responses = await Task.WhenAll(
            first.PostAsJsonAsync(url, new { verdict = "Cleared" }),
            second.PostAsJsonAsync(url, new { verdict = "Objection", reasons = "Nguồn vốn không rõ." }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Single(await system.EventsAsync(accepted.DossierId), e => e.Data is ReviewConcluded);
    }

    [Fact]
    public async Task A_stale_If_Match_version_is_refused_with_409()
    {
        var accepted = await system.AcceptDossierAsync();
        await system.AssignAsync(accepted.DossierId); // version 2 now
        using var officer = system.Security.ClientAs("security.officer");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/security-reviews/{accepted.DossierId}/conclusion")
        {
            Content = JsonContent.Create(new { verdict = "Cleared" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var response = await officer.SendAsync(request);

        await SecurityTestKit.AssertProblemAsync(response, HttpStatusCode.Conflict, code: "concurrent-change");
        Assert.DoesNotContain(await system.EventsAsync(accepted.DossierId), e => e.Data is ReviewConcluded);
    }

    [Fact]
    public async Task Findings_and_conclusion_need_an_assigned_officer()
    {
        var accepted = await system.AcceptDossierAsync();
        using var officer = system.Security.ClientAs("security.officer");

        var conclusion = await officer.PostAsJsonAsync($"/security-reviews/{accepted.DossierId}/conclusion", new { verdict = "Cleared" });
        var finding = await officer.PostAsJsonAsync($"/security-reviews/{accepted.DossierId}/findings", new { text = "x", severity = "Low" });

        await SecurityTestKit.AssertProblemAsync(conclusion, HttpStatusCode.Conflict, code: "no-officer-assigned");
        await SecurityTestKit.AssertProblemAsync(finding, HttpStatusCode.Conflict, code: "no-officer-assigned");
        Assert.Single(await system.EventsAsync(accepted.DossierId));
    }

    [Fact]
    public async Task Repeated_assignment_and_finding_with_the_same_id_change_nothing()
    {
        var accepted = await system.AcceptDossierAsync();
        await system.AssignAsync(accepted.DossierId);
        await system.AssignAsync(accepted.DossierId);
        using var officer = system.Security.ClientAs("security.officer");
        var finding = new { findingId = Guid.NewGuid(), text = "Một phát hiện.", severity = "High" };

        var created = await officer.PostAsJsonAsync($"/security-reviews/{accepted.DossierId}/findings", finding);
        var repeated = await officer.PostAsJsonAsync($"/security-reviews/{accepted.DossierId}/findings", finding);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        var events = await system.EventsAsync(accepted.DossierId);
        Assert.Single(events, e => e.Data is OfficersAssigned);
        Assert.Single(events, e => e.Data is FindingRecorded);
    }

    [Fact]
    public async Task Commands_on_an_unknown_review_answer_404()
    {
        using var officer = system.Security.ClientAs("security.officer");
        var response = await officer.PostAsJsonAsync($"/security-reviews/{Guid.NewGuid()}/assignments", new { officers = new[] { "a" } });
        await SecurityTestKit.AssertProblemAsync(response, HttpStatusCode.NotFound, code: "not-found");
    }

    public static TheoryData<string, string, string> MalformedCommands => new()
    {
        { "assignments", """{}""", "officers" },
        { "assignments", """{"officers":[]}""", "officers" },
        { "assignments", """{"officers":[""]}""", "officers[0]" },
        { "assignments", """{"officers":["ok","bad\u0007name"]}""", "officers[1]" },
        { "assignments", $$"""{"officers":["{{new string('x', 101)}}"]}""", "officers[0]" },
        { "assignments", """{"officers":"security.officer"}""", "officers" },
        { "assignments", """{"officers":["a","b","c","d","e","f","g","h","i","j","k"]}""", "officers" },
        { "findings", """{"severity":"Low"}""", "text" },
        { "findings", """{"text":"   ","severity":"Low"}""", "text" },
        { "findings", """{"text":"x"}""", "severity" },
        { "findings", """{"text":"x","severity":"Apocalyptic"}""", "severity" },
        { "findings", """{"text":"x","severity":"2"}""", "severity" },
        { "findings", $$"""{"text":"{{new string('x', 4001)}}","severity":"Low"}""", "text" },
        { "findings", """{"text":"a\u0000b","severity":"Low"}""", "text" },
        { "findings", """{"text":"\ud800","severity":"Low"}""", "text" },
        { "findings", """{"text":42,"severity":"Low"}""", "text" },
        { "findings", """{"findingId":"not-a-guid","text":"x","severity":"Low"}""", "findingId" },
        { "findings", """{"findingId":"00000000-0000-0000-0000-000000000000","text":"x","severity":"Low"}""", "findingId" },
        { "conclusion", """{}""", "verdict" },
        { "conclusion", """{"verdict":"Maybe"}""", "verdict" },
        { "conclusion", """{"verdict":"ClearedWithConditions"}""", "publicConditions" },
        { "conclusion", """{"verdict":"ClearedWithConditions","publicConditions":[""]}""", "publicConditions[0]" },
        { "conclusion", """{"verdict":"Cleared","publicConditions":["x"]}""", "publicConditions" },
        { "conclusion", """{"verdict":"Objection"}""", "reasons" },
        { "conclusion", """{"verdict":"Objection","reasons":"'; DROP TABLE security.mt_events; --\u001b"}""", "reasons" },
        { "conclusion", """{"verdict":"ClearedWithConditions","publicConditions":["line\nbreak"]}""", "publicConditions[0]" },
        { "conclusion", """{"verdict":["Cleared"]}""", "verdict" },
        { "conclusion", """{"verdict":"Cleared",""", "body" },
        { "conclusion", """[]""", "body" },
    };

    [Theory, MemberData(nameof(MalformedCommands))]
    public async Task Malformed_input_is_refused_with_400_naming_the_field_and_changes_nothing(string command, string json, string field)
    {
        var accepted = await system.AcceptDossierAsync();
        await system.AssignAsync(accepted.DossierId);
        using var officer = system.Security.ClientAs("security.officer");
        var before = (await system.EventsAsync(accepted.DossierId)).Count;

        var response = await officer.PostJsonAsync($"/security-reviews/{accepted.DossierId}/{command}", json);

        await SecurityTestKit.AssertProblemAsync(response, HttpStatusCode.BadRequest, field: field == "body" ? null : field);
        Assert.Equal(before, (await system.EventsAsync(accepted.DossierId)).Count);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_and_changes_nothing()
    {
        var accepted = await system.AcceptDossierAsync();
        using var officer = system.Security.ClientAs("security.officer");

        var response = await officer.PostAsync($"/security-reviews/{accepted.DossierId}/assignments",
            new StringContent("officers=a", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Single(await system.EventsAsync(accepted.DossierId));
    }
}
