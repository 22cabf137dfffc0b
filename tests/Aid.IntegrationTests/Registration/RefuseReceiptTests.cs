using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Dossiers;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>
/// Từ chối tiếp nhận (<c>POST /dossiers/{id}/refuse-receipt</c>): the intake officer refuses a dossier at the intake
/// check with a written reason; it ends there, and the NGO and the public lookup read the reason.
/// </summary>
public sealed class RefuseReceiptTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);
    private const string Reason = "Hồ sơ không thuộc thẩm quyền tiếp nhận của tỉnh.";

    [Fact]
    public async Task The_intake_officer_refuses_with_a_reason_and_the_dossier_ends_there()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        using var officer = api.As("intake.officer");

        var refused = await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/refuse-receipt", new { reason = Reason });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var recorded = Assert.Single((await api.EventsOf(receipt.DossierId)).OfType<DossierReceiptRefused>());
        Assert.Equal(Reason, recorded.Reason);
        Assert.Equal("Nguyễn Văn An (Sở Ngoại vụ)", recorded.RefusedBy);
        var status = await api.StatusAsync(receipt.DossierId, "intake.officer");
        Assert.Equal("ReceiptRefused", status.Stage);
        Assert.Equal("Refused at intake", status.StageLabel.En);
        Assert.Equal(Reason, status.Refusal?.Reason);
        Assert.Null(status.HoldingAgency);
        Assert.Contains(status.Timeline, s => s.Step == "ReceiptRefused" && s.Label.Vi == "Sở Ngoại vụ từ chối tiếp nhận hồ sơ");

        // It ends there: nothing more at intake, and the NGO has nothing to withdraw.
        var accept = await officer.PostAsync($"/dossiers/{receipt.DossierId}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.Equal("wrong-stage", (await RegistrationApi.Read(accept))["code"]!.GetValue<string>());
        using var staff = api.AsNgo(ngoId);
        var withdraw = await staff.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/withdraw", new { reason = "x" });
        Assert.Equal("receipt-refused", (await RegistrationApi.Read(withdraw))["code"]!.GetValue<string>());

        using var anonymous = system.Registration.CreateClient();
        var lookup = await RegistrationApi.Read(await anonymous.GetAsync(
            $"/public/status?code={receipt.ReceiptCode}&secret={Uri.EscapeDataString(receipt.LookupSecret)}"));
        Assert.Equal(Reason, lookup["refusalReason"]!.GetValue<string>());
        Assert.Equal("Từ chối tiếp nhận hồ sơ", lookup["stageLabel"]!["vi"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_an_intake_officer_may_refuse()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        foreach (var client in new[] { api.As("security.officer"), api.As("appraiser"), api.AsNgo(ngoId) })
            using (client)
                Assert.Equal(HttpStatusCode.Forbidden,
                    (await client.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/refuse-receipt", new { reason = Reason })).StatusCode);
        Assert.DoesNotContain(await api.EventsOf(receipt.DossierId), e => e is DossierReceiptRefused);
    }

    [Fact]
    public async Task A_dossier_no_longer_awaiting_intake_cannot_be_refused()
    {
        var (_, accepted) = await api.AcceptedDossierAsync();
        var ngoId = await api.RegisterNgoAsync();
        var waiting = await api.SubmitAsync(ngoId);
        using var officer = api.As("intake.officer");
        await officer.PostAsJsonAsync($"/dossiers/{waiting.DossierId}/supplement-request", new { missingItems = new[] { "Budget" } });

        foreach (var id in new[] { accepted.DossierId, waiting.DossierId })
        {
            var refused = await officer.PostAsJsonAsync($"/dossiers/{id}/refuse-receipt", new { reason = Reason });
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("wrong-stage", (await RegistrationApi.Read(refused))["code"]!.GetValue<string>());
        }
        Assert.Equal(HttpStatusCode.NotFound,
            (await officer.PostAsJsonAsync($"/dossiers/{Guid.NewGuid()}/refuse-receipt", new { reason = Reason })).StatusCode);
    }

    [Fact]
    public async Task A_refusal_without_a_reason_is_refused_naming_the_field_in_the_callers_language()
    {
        var receipt = await api.SubmitAsync(await api.RegisterNgoAsync());
        using var officer = api.As("intake.officer");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/dossiers/{receipt.DossierId}/refuse-receipt")
        {
            Content = JsonContent.Create(new { reason = "  " }), Headers = { { "Accept-Language", "en" } },
        };

        var response = await officer.SendAsync(request);

        await RegistrationApi.AssertInvalid(response, "reason");
        Assert.Contains("Invalid input", await response.Content.ReadAsStringAsync());
        await RegistrationApi.AssertInvalid(await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/refuse-receipt", new { }), "reason");
        Assert.DoesNotContain(await api.EventsOf(receipt.DossierId), e => e is DossierReceiptRefused);
    }
}
