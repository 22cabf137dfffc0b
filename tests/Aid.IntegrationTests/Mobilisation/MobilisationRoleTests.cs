using System.Net;
using System.Text;
using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Xunit;

namespace Aid.IntegrationTests.MobilisationTests;

/// <summary>
/// Every catalogue, plan and donor endpoint against every role, plus what local proposers must never reach (NGOs'
/// dossiers). Targets do not exist and bodies are incomplete: an allowed caller gets the handler's 404/400/422, a
/// refused one 403, and nothing is written.
/// </summary>
public sealed class MobilisationRoleTests(AidSystem system) : IClassFixture<AidSystem>
{
    private static readonly string Id = Guid.NewGuid().ToString();
    private const string Ngo = "ngo-staff", Anonymous = "anonymous", Officer = "mobilisation.officer";
    private static readonly string[] Proposers = ["commune.proposer", "health.proposer"];
    private static readonly string[] Auditors = ["auditor", "cleared.auditor"];
    private static readonly string[] Staff = ["intake.officer", "security.officer", "appraiser", "decision.maker", "monitoring.officer", .. Auditors, "admin", Officer];
    private static readonly string[] Everyone = [.. Staff, .. Proposers, Ngo];
    private static readonly string[] Public = [.. Everyone, Anonymous];
    private static readonly string[] CatalogueReaders = [Officer, .. Proposers, "admin", .. Auditors];
    private static readonly string[] MobilisationReaders = [Officer, "admin", .. Auditors];

    private static readonly (string Method, string Url, string? Body, HttpStatusCode Allowed, string[] Roles)[] Endpoints =
    [
        ("POST", "/catalogue/entries", "{}", HttpStatusCode.BadRequest, [.. Proposers, Officer]),
        ("POST", $"/catalogue/entries/{Id}/return", "{}", HttpStatusCode.BadRequest, [Officer]),
        ("PUT", $"/catalogue/entries/{Id}", "{}", HttpStatusCode.BadRequest, [.. Proposers, Officer]),
        ("POST", $"/catalogue/entries/{Id}/publish", null, HttpStatusCode.NotFound, [Officer]),
        ("POST", $"/catalogue/entries/{Id}/interest", "{}", HttpStatusCode.UnprocessableEntity, [Ngo]),
        ("GET", "/catalogue/entries", null, HttpStatusCode.OK, CatalogueReaders),
        ("GET", $"/catalogue/entries/{Id}", null, HttpStatusCode.NotFound, CatalogueReaders),
        ("GET", "/public/catalogue?sector=Health&commune=Phú", null, HttpStatusCode.OK, Public),
        ("GET", "/public/catalogue/sectors", null, HttpStatusCode.OK, Public),
        ("GET", $"/public/catalogue/{Id}", null, HttpStatusCode.NotFound, Public),
        ("PUT", "/mobilisation/plans/2030", "{}", HttpStatusCode.BadRequest, [Officer]),
        ("GET", "/mobilisation/plans/2030", null, HttpStatusCode.NotFound, Staff),
        ("GET", "/mobilisation/plans/2030/progress", null, HttpStatusCode.OK, Staff),
        ("POST", "/donors", "{}", HttpStatusCode.BadRequest, [Officer]),
        ("PUT", $"/donors/{Id}", "{}", HttpStatusCode.BadRequest, [Officer]),
        ("GET", "/donors", null, HttpStatusCode.OK, MobilisationReaders),
        ("POST", "/dialogues", "{}", HttpStatusCode.BadRequest, [Officer]),
        ("POST", $"/dialogues/{Id}/follow-ups/0/complete", "{}", HttpStatusCode.NotFound, [Officer]),
        ("GET", "/dialogues", null, HttpStatusCode.OK, MobilisationReaders),
        // Proposers never see NGOs or their dossiers.
        ("GET", $"/ngos/{Id}", null, HttpStatusCode.NotFound, [.. Staff, Ngo]),
        ("GET", $"/dossiers/{Id}/status", null, HttpStatusCode.NotFound, [.. Staff, Ngo]),
        ("GET", "/ngos/expiring?withinDays=30", null, HttpStatusCode.OK, Staff),
    ];

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Endpoints.Length; i++)
            foreach (var role in Public)
                data.Add(i, role);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Each_role_is_allowed_or_refused_as_the_rules_say(int endpoint, string role)
    {
        var (method, url, body, allowed, roles) = Endpoints[endpoint];
        using var client = role switch
        {
            Anonymous => system.Registration.CreateClient(),
            Ngo => system.Registration.ClientAs(DevelopmentUser.NgoStaff(Guid.NewGuid())),
            _ => system.Registration.ClientAs(role),
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await client.SendAsync(request);

        var expected = roles.Contains(role) ? allowed : role == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
        Assert.True(expected == response.StatusCode,
            $"{method} {url} as {role}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
