using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Ngos;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>Sở Ngoại vụ declines the NGO's open extension request with a reason the NGO reads; the NGO may then ask again.</summary>
public sealed class DeclineCertificateExtensionTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task The_officer_declines_with_a_reason_the_NGO_reads_and_the_NGO_may_ask_again()
    {
        var ngoId = await api.AskedAsync();
        using var officer = api.As("intake.officer");

        Assert.Equal(HttpStatusCode.OK, (await officer.DeclineAsync(ngoId, " The 2025 annual report is missing. ")).StatusCode);

        var stream = await api.StreamOf(ngoId);
        var requested = Assert.IsType<CertificateExtensionRequested>(stream[1].Data);
        var declined = Assert.IsType<CertificateExtensionDeclined>(stream[2].Data);
        Assert.Equal((requested.RequestId, "The 2025 annual report is missing."), (declined.RequestId, declined.Reason));
        Assert.Equal("intake.officer", stream[2].UserName);
        var view = await api.ViewAsync(ngoId);
        Assert.Equal(ExtensionRequestStatus.Declined, view.ExtensionRequest!.Status);
        Assert.Equal("The 2025 annual report is missing.", view.ExtensionRequest.DeclineReason);
        Assert.Equal(new DateOnly(2099, 1, 15), view.Certificate.ExpiryDate);
        var list = await officer.GetFromJsonAsync<List<NgoListItem>>("/ngos", RegistrationApi.Json);
        Assert.Null(list!.Single(n => n.Id == ngoId).ExtensionRequestedTo);

        using var staff = api.AsNgo(ngoId);
        Assert.Equal(HttpStatusCode.OK, (await staff.AskAsync(ngoId, new DateOnly(2100, 1, 15))).StatusCode);
        Assert.Equal(ExtensionRequestStatus.Open, (await api.ViewAsync(ngoId)).ExtensionRequest!.Status);
    }

    [Fact]
    public async Task Only_registry_keepers_decline()
    {
        var ngoId = await api.AskedAsync();
        using (var own = api.AsNgo(ngoId))
            Assert.Equal(HttpStatusCode.Forbidden, (await own.DeclineAsync(ngoId)).StatusCode);
        foreach (var user in new[] { "auditor", "security.officer", "appraiser", "decision.maker" })
        {
            using var client = api.As(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeclineAsync(ngoId)).StatusCode);
        }
        using (var admin = api.As("admin"))
            Assert.Equal(HttpStatusCode.OK, (await admin.DeclineAsync(ngoId)).StatusCode);
    }

    [Fact]
    public async Task Declining_with_no_open_request_a_second_time_or_for_a_revoked_NGO_is_409()
    {
        using var officer = api.As("intake.officer");
        var never = await api.RegisterNgoAsync();
        var none = await officer.DeclineAsync(never);
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Equal("no-open-extension-request", (await RegistrationApi.Read(none))["code"]!.GetValue<string>());

        var ngoId = await api.AskedAsync();
        Assert.Equal(HttpStatusCode.OK, (await officer.DeclineAsync(ngoId)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.DeclineAsync(ngoId)).StatusCode);

        var revokedId = await api.AskedAsync();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/ngos/{revokedId}/revoke", new { reason = "Ceased operating" })).StatusCode);
        var revoked = await officer.DeclineAsync(revokedId);
        Assert.Equal(HttpStatusCode.Conflict, revoked.StatusCode);
        Assert.Equal("ngo-revoked", (await RegistrationApi.Read(revoked))["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await officer.DeclineAsync(Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task A_missing_reason_is_400_naming_the_field_and_the_request_stays_open()
    {
        var ngoId = await api.AskedAsync();
        using var officer = api.As("intake.officer");
        await RegistrationApi.AssertInvalid(await officer.DeclineAsync(ngoId, "  "), "reason");
        await RegistrationApi.AssertInvalid(await officer.DeclineAsync(ngoId, null), "reason");
        Assert.Equal(ExtensionRequestStatus.Open, (await api.ViewAsync(ngoId)).ExtensionRequest!.Status);
    }
}
