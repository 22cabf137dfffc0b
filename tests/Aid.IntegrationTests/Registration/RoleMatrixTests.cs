using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>
/// Every Registration endpoint against every role. Targets do not exist and bodies are incomplete, so an allowed
/// caller gets the 404/400 of the handler (proving it ran) and a refused one 403; nothing is ever written.
/// </summary>
public sealed class RoleMatrixTests(AidSystem system) : IClassFixture<AidSystem>
{
    private static readonly string Id = Guid.NewGuid().ToString();
    private const string Ngo = "ngo-staff";
    private static readonly string[] Keepers = ["intake.officer", "admin"];
    private static readonly string[] Staff = ["intake.officer", "security.officer", "appraiser", "decision.maker", "monitoring.officer", "auditor", "cleared.auditor", "admin"];
    private static readonly string[] Everyone = [.. Staff, Ngo];
    private static readonly string[] IntakeReaders = ["intake.officer", "admin", "auditor", "cleared.auditor"];

    private static readonly (string Method, string Url, string? Body, HttpStatusCode Allowed, string[] Roles)[] Endpoints =
    [
        ("POST", "/ngos", "{}", HttpStatusCode.BadRequest, Keepers),
        ("POST", $"/ngos/{Id}/certificate/extend", "{}", HttpStatusCode.BadRequest, Keepers),
        ("POST", $"/ngos/{Id}/certificate/extension-requests", "{}", HttpStatusCode.BadRequest, [Ngo]),
        ("POST", $"/ngos/{Id}/certificate/extension-requests/decline", "{}", HttpStatusCode.BadRequest, Keepers),
        ("PUT", $"/ngos/{Id}/profile", "{}", HttpStatusCode.BadRequest, Keepers),
        ("POST", $"/ngos/{Id}/suspend", "{}", HttpStatusCode.BadRequest, Keepers),
        ("POST", $"/ngos/{Id}/revoke", "{}", HttpStatusCode.BadRequest, Keepers),
        ("GET", $"/ngos/{Id}", null, HttpStatusCode.NotFound, Everyone),
        ("GET", "/ngos/expiring?withinDays=30", null, HttpStatusCode.OK, Staff),
        ("POST", "/dossiers", "{}", HttpStatusCode.BadRequest, [Ngo]),
        ("POST", $"/dossiers/{Id}/supplement-request", "{}", HttpStatusCode.BadRequest, ["intake.officer"]),
        ("POST", $"/dossiers/{Id}/resubmit", "{}", HttpStatusCode.BadRequest, [Ngo]),
        ("POST", $"/dossiers/{Id}/accept", null, HttpStatusCode.NotFound, ["intake.officer"]),
        ("POST", $"/dossiers/{Id}/withdraw", "{}", HttpStatusCode.BadRequest, [Ngo]),
        ("POST", $"/dossiers/{Id}/documents", "multipart", HttpStatusCode.NotFound, [Ngo]),
        ("GET", $"/dossiers/{Id}/documents/{Id}", null, HttpStatusCode.NotFound, Everyone),
        ("GET", $"/dossiers/{Id}/status", null, HttpStatusCode.NotFound, Everyone),
        ("GET", "/dossiers/by-receipt/SNV-20261123-999", null, HttpStatusCode.NotFound, Everyone),
        ("GET", "/dossiers/queue", null, HttpStatusCode.OK, IntakeReaders),
        ("GET", "/dossiers/statistics?from=2026-01-01&to=2026-01-31", null, HttpStatusCode.OK, IntakeReaders),
    ];

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Endpoints.Length; i++)
            foreach (var role in Everyone.Append("anonymous"))
                data.Add(i, role);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Each_role_is_allowed_or_refused_as_the_rules_say(int endpoint, string role)
    {
        var (method, url, body, allowed, roles) = Endpoints[endpoint];
        using var client = role switch
        {
            "anonymous" => system.Registration.CreateClient(),
            Ngo => system.Registration.ClientAs(DevelopmentUser.NgoStaff(Guid.NewGuid())),
            _ => system.Registration.ClientAs(role),
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body == "multipart")
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent("%PDF-1.4 test"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "a.pdf");
            form.Add(new StringContent("ProjectDocument"), "kind");
            request.Content = form;
        }
        else if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await client.SendAsync(request);

        var expected = role == "anonymous" ? HttpStatusCode.Unauthorized : roles.Contains(role) ? allowed : HttpStatusCode.Forbidden;
        Assert.True(expected == response.StatusCode,
            $"{method} {url} as {role}: expected {expected}, got {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Every_endpoint_is_in_the_OpenAPI_document()
    {
        using var client = system.Registration.ClientAs("auditor");
        var document = await client.GetStringAsync("/openapi/v1.json");
        foreach (var operation in new[] { "RegisterNgo", "ExtendNgoCertificate", "RequestCertificateExtension", "DeclineCertificateExtension", "AmendNgo", "SuspendNgo", "RevokeNgo", "GetNgo",
                     "ListExpiringCertificates", "SubmitDossier", "RequestSupplement", "ResubmitDossier", "AcceptDossier", "WithdrawDossier",
                     "UploadDossierDocument", "DownloadDossierDocument", "GetDossierStatus", "GetDossierStatusByReceipt", "IntakeQueue",
                     "IntakeStatistics", "ListNgoDossiers", "PublicDossierStatus" })
            Assert.Contains($"\"operationId\": \"{operation}\"", document);
    }
}
