using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Dossiers;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>The supplement loop stops the intake clock; resubmission restarts it and moves the appointment date.
/// This class moves its system's clock.</summary>
public sealed class SupplementLoopTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}", "a")]
    [InlineData("{\"note\":\"one\",\"note\":\"two\",\"answers\":[{\"item\":\"Budget\",\"note\":\"x\"}]}", "note")]
    [InlineData("{\"answers\":[{\"item\":\"Budget\",\"document\":{\"kind\":\"Budget\",\"name\":\"b.pdf\",\"sizeBytes\":1,\"sha256\":\"x\",\"path\":\"..\"}}]}", "answers[0].document.path")]
    public async Task A_resubmission_with_unknown_or_repeated_keys_is_refused_and_changes_nothing(string body, string field)
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        using var officer = api.As("intake.officer");
        using var staff = api.AsNgo(ngoId);
        await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request", new { missingItems = new[] { "Budget" } });
        var before = (await api.EventsOf(receipt.DossierId)).Count;

        var response = await staff.PostAsync($"/dossiers/{receipt.DossierId}/resubmit",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await RegistrationApi.AssertInvalid(response, field);
        Assert.DoesNotContain("Aid.", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await api.EventsOf(receipt.DossierId)).Count);
        Assert.Equal("SupplementRequested", (await api.StatusAsync(receipt.DossierId, "intake.officer")).Stage);
    }

    public static TheoryData<string, string, string, string> Unanswered => new()
    {
        // body, field, what the Vietnamese and the English answer say
        { """{"answers":[]}""", "answers", "Cần trả lời từng mục", "Answer each item asked for" },
        { """{"answers":[{"item":"Budget"},{"item":"Letter","note":"Sent"}]}""", "answers[0]", "Cần kèm tài liệu hoặc ghi chú", "Attach a document or write a note" },
        { """{"answers":[{"item":"Letter","note":"Sent"}]}""", "answers", "Chưa trả lời mục được yêu cầu bổ sung: «Budget»", "No answer to an item asked for: «Budget»" },
        { """{"answers":[{"item":"Budget","note":"Attached"},{"item":"Letter","note":"Sent"},{"item":"Map","note":"Too"}]}""", "answers[2].item", "Không phải mục được yêu cầu bổ sung", "Not one of the items asked for" },
    };

    [Theory]
    [MemberData(nameof(Unanswered))]
    public async Task A_resubmission_that_does_not_answer_each_item_asked_for_is_refused_in_the_callers_language(
        string body, string field, string vietnamese, string english)
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        using var officer = api.As("intake.officer");
        using var staff = api.AsNgo(ngoId);
        await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request", new { missingItems = new[] { "Budget", "Letter" } });
        var before = (await api.EventsOf(receipt.DossierId)).Count;

        foreach (var (language, expected) in new[] { ("vi", vietnamese), ("en", english) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/dossiers/{receipt.DossierId}/resubmit")
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
                Headers = { { "Accept-Language", language } },
            };
            var response = await staff.SendAsync(request);
            await RegistrationApi.AssertInvalid(response, field);
            var problem = await RegistrationApi.Read(response);
            var messages = problem["errors"]![field]!.AsArray().Select(m => m![language]!.GetValue<string>());
            Assert.Contains(messages, m => m.StartsWith(expected, StringComparison.Ordinal));
            Assert.Contains(field, problem["detail"]!.GetValue<string>());
            Assert.Equal(language == "en" ? "Invalid input" : "Dữ liệu không hợp lệ", problem["title"]!.GetValue<string>());
        }
        Assert.Equal(before, (await api.EventsOf(receipt.DossierId)).Count);
        Assert.Equal("SupplementRequested", (await api.StatusAsync(receipt.DossierId, "intake.officer")).Stage);
    }

    [Fact]
    public async Task A_supplement_loop_moves_the_appointment_date_by_the_stopped_working_days()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        using var officer = api.As("intake.officer");
        using var staff = api.AsNgo(ngoId);

        var requestedOn = api.Today;
        var requested = await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request",
            new { missingItems = new[] { "Signed commitment letter", "Budget breakdown per commune" }, note = "Both in Vietnamese" });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);

        var waiting = await api.StatusAsync(receipt.DossierId, "intake.officer");
        Assert.Equal("SupplementRequested", waiting.Stage);
        Assert.Equal("NGO", waiting.HoldingAgency!.Code);
        Assert.Equal(["Signed commitment letter", "Budget breakdown per commune"], waiting.MissingItems);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/dossiers/{receipt.DossierId}/accept", null)).StatusCode);

        system.Clock.Advance(TimeSpan.FromDays(9));
        var resubmittedOn = api.Today;
        var stopped = api.Calendar.WorkingDaysBetween(requestedOn, resubmittedOn);
        Assert.True(stopped > 0);
        var answers = new
        {
            answers = new object[]
            {
                new { item = "Signed commitment letter", note = "Signed by the director; the original was sent by post" },
                new
                {
                    item = "Budget breakdown per commune",
                    document = new { kind = "BudgetBreakdown", name = "budget.xlsx", sizeBytes = 2048, sha256 = new string('b', 64) },
                },
            },
            note = "Added the breakdown",
        };
        var resubmitted = await staff.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/resubmit", answers);
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/resubmit", answers)).StatusCode);

        var status = await api.StatusAsync(receipt.DossierId, "intake.officer");
        Assert.Equal("IntakeCheck", status.Stage);
        Assert.Equal(api.Calendar.AddWorkingDays(receipt.AppointmentDate, stopped), status.AppointmentDate);
        Assert.Equal(api.Calendar.AddWorkingDays(receipt.IntakeDueDate, stopped), status.StageDueDate);
        Assert.Equal(["Submitted", "SupplementRequested", "Resubmitted"], status.Timeline.Select(s => s.Step));
        var resubmittedEvent = Assert.IsType<DossierResubmitted>((await api.EventsOf(receipt.DossierId)).Last());
        Assert.Equal(stopped, resubmittedEvent.StoppedWorkingDays);
        Assert.Equal(["Signed commitment letter", "Budget breakdown per commune"], resubmittedEvent.Answers.Select(a => a.Item));
        Assert.Equal("budget.xlsx", Assert.Single(resubmittedEvent.AddedDocuments).Name);

        var second = await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request", new { missingItems = new[] { "More" } });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("supplement-already-requested", (await RegistrationApi.Read(second))["code"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/dossiers/{receipt.DossierId}/accept", null)).StatusCode);
        var accepted = Assert.IsType<DossierAccepted>((await api.EventsOf(receipt.DossierId)).Last());
        Assert.Equal(status.AppointmentDate, accepted.AppointmentDate);
        Assert.True(accepted.IntakeOnTime);
    }
}
