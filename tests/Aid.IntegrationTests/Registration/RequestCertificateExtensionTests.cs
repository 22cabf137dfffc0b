using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Ngos;
using Aid.Domain.Province;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>The NGO's own staff ask for a certificate extension: one open request at a time, a date after the current
/// expiry and at most five years on; nobody else may ask for them.</summary>
public sealed class RequestCertificateExtensionTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task The_NGOs_staff_ask_and_the_request_is_an_event_with_who_and_why_that_the_NGO_view_shows()
    {
        var ngoId = await api.RegisterNgoAsync();
        using var staff = api.AsNgo(ngoId);

        var asked = await staff.AskAsync(ngoId, new DateOnly(2100, 1, 15), "  Two programmes run to 2100.  ");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(2, (await RegistrationApi.Read(asked))["version"]!.GetValue<long>());
        var stored = (await api.StreamOf(ngoId)).Last();
        var requested = Assert.IsType<CertificateExtensionRequested>(stored.Data);
        Assert.Equal((new DateOnly(2099, 1, 15), new DateOnly(2100, 1, 15), "Two programmes run to 2100."),
            (requested.CurrentExpiryDate, requested.RequestedExpiryDate, requested.Reason));
        Assert.Equal("ngo.staff", stored.UserName);
        Assert.Equal(Roles.NgoStaff, stored.GetHeader("role")?.ToString());
        Assert.NotNull(stored.CorrelationId);

        var view = await api.ViewAsync(ngoId);
        Assert.Equal(ExtensionRequestStatus.Open, view.ExtensionRequest!.Status);
        Assert.Equal(requested.RequestId, view.ExtensionRequest.Id);
        Assert.Equal(new DateOnly(2099, 1, 15), view.Certificate.ExpiryDate);
        using var officer = api.As("intake.officer");
        var list = await officer.GetFromJsonAsync<List<NgoListItem>>("/ngos", RegistrationApi.Json);
        Assert.Equal(new DateOnly(2100, 1, 15), list!.Single(n => n.Id == ngoId).ExtensionRequestedTo);
    }

    [Fact]
    public async Task Only_the_NGOs_own_staff_may_ask_another_NGO_gets_404_and_officers_403()
    {
        var ngoId = await api.RegisterNgoAsync();
        using var stranger = api.AsNgo(Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.AskAsync(ngoId, new DateOnly(2100, 1, 1))).StatusCode);
        foreach (var user in new[] { "intake.officer", "admin", "auditor", "security.officer" })
        {
            using var client = api.As(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.AskAsync(ngoId, new DateOnly(2100, 1, 1))).StatusCode);
        }
        using var anonymous = system.Registration.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.AskAsync(ngoId, new DateOnly(2100, 1, 1))).StatusCode);
        Assert.Single(await api.EventsOf(ngoId));
    }

    [Fact]
    public async Task A_second_request_while_one_is_open_and_a_request_for_a_revoked_NGO_are_409()
    {
        var ngoId = await api.AskedAsync();
        using var staff = api.AsNgo(ngoId);
        var again = await staff.AskAsync(ngoId, new DateOnly(2100, 6, 1));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("extension-already-requested", (await RegistrationApi.Read(again))["code"]!.GetValue<string>());

        using var officer = api.As("intake.officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/ngos/{ngoId}/revoke", new { reason = "Ceased operating" })).StatusCode);
        var revoked = await staff.AskAsync(ngoId, new DateOnly(2100, 6, 1));
        Assert.Equal(HttpStatusCode.Conflict, revoked.StatusCode);
        Assert.Equal("ngo-revoked", (await RegistrationApi.Read(revoked))["code"]!.GetValue<string>());
        Assert.Equal([typeof(NgoRegistered), typeof(CertificateExtensionRequested), typeof(NgoRevoked)],
            (await api.EventsOf(ngoId)).Select(e => e.GetType()));
    }

    [Fact]
    public async Task A_stale_If_Match_is_409()
    {
        var ngoId = await api.RegisterNgoAsync();
        using var staff = api.AsNgo(ngoId);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/ngos/{ngoId}/certificate/extension-requests")
        {
            Content = JsonContent.Create(new { requestedExpiryDate = "2100-01-01", reason = "More years" }),
            Headers = { { "If-Match", "\"7\"" } },
        };
        Assert.Equal(HttpStatusCode.Conflict, (await staff.SendAsync(request)).StatusCode);
        Assert.Single(await api.EventsOf(ngoId));
    }

    public static TheoryData<string?, string?, string> BadRequests => new()
    {
        { null, "More years", "requestedExpiryDate" },
        { "2099-01-15", "More years", "requestedExpiryDate" },   // the current expiry date itself
        { "2098-06-01", "More years", "requestedExpiryDate" },   // before it
        { "2100-01-15", "   ", "reason" },
        { "2100-01-15", null, "reason" },
        { "2100-01-15", new string('x', 2001), "reason" },
    };

    [Theory, MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_400_naming_the_field_in_the_callers_language_and_writes_nothing(string? date, string? reason, string field)
    {
        var ngoId = await api.RegisterNgoAsync();
        using var staff = api.AsNgo(ngoId);
        staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await staff.PostAsJsonAsync($"/ngos/{ngoId}/certificate/extension-requests", new { requestedExpiryDate = date, reason });
        await RegistrationApi.AssertInvalid(response, field);
        var problem = await RegistrationApi.Read(response);
        Assert.Equal("Invalid input", problem["title"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["errors"]![field]![0]!["vi"]!.GetValue<string>()));
        Assert.Single(await api.EventsOf(ngoId));
    }

    [Fact]
    public async Task More_than_five_years_past_the_current_expiry_is_400_naming_the_field()
    {
        var expiry = api.Today.AddDays(20);
        var ngoId = await api.RegisterNgoAsync(RegistrationApi.NgoBody(expiry: expiry));
        using var staff = api.AsNgo(ngoId);
        await RegistrationApi.AssertInvalid(await staff.AskAsync(ngoId, expiry.AddYears(5).AddDays(1)), "requestedExpiryDate");
        Assert.Equal(HttpStatusCode.OK, (await staff.AskAsync(ngoId, expiry.AddYears(5))).StatusCode);
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_is_400_naming_the_field()
    {
        var ngoId = await api.RegisterNgoAsync();
        using var staff = api.AsNgo(ngoId);
        await RegistrationApi.AssertInvalid(await staff.PostAsJsonAsync($"/ngos/{ngoId}/certificate/extension-requests",
            new { requestedExpiryDate = "next year", reason = "More years" }), "requestedExpiryDate");
        Assert.Single(await api.EventsOf(ngoId));
    }
}
