using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Ngos;
using Marten;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>Register, extend, amend, suspend, revoke; who may; malformed input; concurrency.</summary>
public sealed class NgoRegistryTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task An_intake_officer_registers_an_NGO_that_its_staff_and_officers_can_read()
    {
        var ngoId = await api.RegisterNgoAsync();

        using var staff = api.AsNgo(ngoId);
        var own = await staff.GetFromJsonAsync<NgoView>($"/ngos/{ngoId}", RegistrationApi.Json);
        Assert.Equal("Children's Relief Works", own!.Profile.NameEnglish);
        Assert.Equal(CertificateKind.OperationRegistration, own.Certificate.Kind);
        Assert.Equal(NgoStanding.Active, own.Standing);
        Assert.Equal(["DNA", "HCM"], own.Profile.Provinces);

        foreach (var user in new[] { "intake.officer", "auditor", "cleared.auditor", "admin", "security.officer" })
        {
            using var client = api.As(user);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/ngos/{ngoId}")).StatusCode);
        }

        var registered = Assert.IsType<NgoRegistered>(Assert.Single(await api.EventsOf(ngoId)));
        Assert.Equal("123/BNG-VPDA", registered.Certificate.Number);
    }

    [Fact]
    public async Task Another_NGOs_staff_get_404_and_only_registry_keepers_may_register()
    {
        var ngoId = await api.RegisterNgoAsync();
        using var stranger = api.AsNgo(Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/ngos/{ngoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/ngos/{ngoId}/dossiers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/ngos/expiring?withinDays=30")).StatusCode);

        using (var admin = api.As("admin"))
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/ngos", RegistrationApi.NgoBody())).StatusCode);
        foreach (var user in new[] { "auditor", "cleared.auditor", "security.officer", "appraiser", "decision.maker", "monitoring.officer" })
        {
            using var client = api.As(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/ngos", RegistrationApi.NgoBody())).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/ngos/{ngoId}/suspend", new { reason = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/ngos/{ngoId}/revoke", new { reason = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/ngos/{ngoId}/certificate/extend",
                new { newExpiryDate = "2100-01-01" })).StatusCode);
        }
        using (var own = api.AsNgo(ngoId))
            Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsJsonAsync($"/ngos/{ngoId}/suspend", new { reason = "x" })).StatusCode);
        using var anonymous = system.Registration.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/ngos/{ngoId}")).StatusCode);

        Assert.Single(await api.EventsOf(ngoId));
    }

    [Fact]
    public async Task The_abolished_project_office_certificate_is_refused_for_new_registrations()
    {
        var id = Guid.NewGuid();
        using var officer = api.As("intake.officer");
        var response = await officer.PostAsJsonAsync("/ngos", RegistrationApi.NgoBody(kind: "ProjectOffice", id: id));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("certificate-kind-abolished", (await RegistrationApi.Read(response))["code"]!.GetValue<string>());
        Assert.Empty(await api.EventsOf(id));
    }

    [Fact]
    public async Task Extend_amend_suspend_and_revoke_are_events_and_revocation_is_final()
    {
        var ngoId = await api.RegisterNgoAsync(RegistrationApi.NgoBody(expiry: api.Today.AddDays(20)));
        using var officer = api.As("intake.officer");

        var expiring = await officer.GetFromJsonAsync<List<ExpiringCertificate>>("/ngos/expiring?withinDays=30", RegistrationApi.Json);
        Assert.Contains(expiring!, e => e.NgoId == ngoId && e.DaysLeft == 20);
        var notYet = await officer.GetFromJsonAsync<List<ExpiringCertificate>>("/ngos/expiring?withinDays=10", RegistrationApi.Json);
        Assert.DoesNotContain(notYet!, e => e.NgoId == ngoId);

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/ngos/{ngoId}/certificate/extend",
            new { newExpiryDate = "2099-12-31", newNumber = "456/BNG" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/ngos/{ngoId}/certificate/extend",
            new { newExpiryDate = "2099-12-31" })).StatusCode);
        var profile = RegistrationApi.NgoBody()["profile"]!.AsObject();
        profile["headOfficeAddress"] = "Neue Straße 5, Berlin";
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"/ngos/{ngoId}/profile", profile)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/ngos/{ngoId}/suspend", new { reason = "Inspection pending" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/ngos/{ngoId}/suspend", new { reason = "again" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/ngos/{ngoId}/revoke", new { reason = "Violations" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/ngos/{ngoId}/revoke", new { reason = "again" })).StatusCode);

        var ngo = await officer.GetFromJsonAsync<NgoView>($"/ngos/{ngoId}", RegistrationApi.Json);
        Assert.Equal(NgoStanding.Revoked, ngo!.Standing);
        Assert.Equal(new DateOnly(2099, 12, 31), ngo.Certificate.ExpiryDate);
        Assert.Equal("456/BNG", ngo.Certificate.Number);
        Assert.Equal("Neue Straße 5, Berlin", ngo.Profile.HeadOfficeAddress);
        Assert.Equal(5, ngo.Version);
        Assert.Equal([typeof(NgoRegistered), typeof(NgoCertificateExtended), typeof(NgoAmended), typeof(NgoSuspended), typeof(NgoRevoked)],
            (await api.EventsOf(ngoId)).Select(e => e.GetType()));
    }

    [Fact]
    public async Task Two_officers_suspending_at_once_give_one_success_and_one_409()
    {
        var ngoId = await api.RegisterNgoAsync();
        using var first = api.As("intake.officer");
        using var second = api.As("admin");
        HttpRequestMessage Suspend() => new(HttpMethod.Post, $"/ngos/{ngoId}/suspend")
        {
            Content = JsonContent.Create(new { reason = "Inspection" }),
            Headers = { { "If-Match", "\"1\"" } },
        };
        var results = await Task.WhenAll(first.SendAsync(Suspend()), second.SendAsync(Suspend()));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order());
        Assert.Equal(2, (await api.EventsOf(ngoId)).Count);
    }

    public static TheoryData<string, string> MalformedRegistrations => new()
    {
        { """{"profile":{"nameEnglish":"X"},"certificate":{}}""", "profile.nameOwnLanguage" },
        { Replace("\"Children's Relief Works\"", "\"" + new string('x', 501) + "\""), "profile.nameEnglish" },
        { Replace("\"Germany\"", "\"Germ\\u0007any\""), "profile.country" },
        { Replace("\"2099-01-15\"", "\"2024-01-01\""), "certificate.expiryDate" },
        { Replace("\"2099-01-15\"", "\"2200-01-01\""), "certificate.expiryDate" },
        { Replace("\"OperationRegistration\"", "\"Embassy\""), "kind" },
        { Replace("\"OperationRegistration\"", "3"), "kind" },
        { Replace("\"DNA\"", "\"D1'; DROP TABLE x;--\""), "profile.provinces[0]" },
        { Replace("\"anna@crw.example\"", "\"not-an-email\""), "profile.contact.email" },
        { Replace("\"2024-01-15\"", "\"yesterday\""), "issueDate" },
        { "{\"profile\": [", "" },
        { "[]", "" },
    };

    private static string Replace(string what, string with) => RegistrationApi.NgoBody().ToJsonString(RegistrationApi.Json)
        .Replace(what.Replace("'", "\\u0027"), with);

    [Theory, MemberData(nameof(MalformedRegistrations))]
    public async Task Malformed_registrations_answer_400_naming_the_field_and_write_nothing(string body, string field)
    {
        using var officer = api.As("intake.officer");
        var countBefore = await CountNgos();
        var response = await officer.PostAsync("/ngos", new StringContent(body, Encoding.UTF8, "application/json"));
        await RegistrationApi.AssertInvalid(response, field);
        Assert.Equal(countBefore, await CountNgos());
    }

    [Fact]
    public async Task Wrong_content_type_and_a_missing_reason_are_refused_without_a_change()
    {
        var ngoId = await api.RegisterNgoAsync();
        using var officer = api.As("intake.officer");
        var xml = await officer.PostAsync($"/ngos/{ngoId}/suspend", new StringContent("<reason/>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
        await RegistrationApi.AssertInvalid(await officer.PostAsJsonAsync($"/ngos/{ngoId}/suspend", new { reason = "  " }), "reason");
        await RegistrationApi.AssertInvalid(await officer.GetAsync("/ngos/expiring?withinDays=-1"), "withinDays");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"/ngos/{Guid.NewGuid()}/suspend", new { reason = "x" })).StatusCode);
        Assert.Single(await api.EventsOf(ngoId));
    }

    private async Task<int> CountNgos()
    {
        await using var session = api.Store.QuerySession();
        return await session.Query<Ngo>().CountAsync();
    }
}
