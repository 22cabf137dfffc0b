using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Aid.Contracts.Appraisal;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.ProjectMonitoring;
using Aid.IntegrationTests.RegistrationTests;
using Aid.ServiceDefaults.Identity;
using Xunit;

namespace Aid.IntegrationTests.Trust;

/// <summary>
/// NGO staff asking for another NGO's record get, on every route, the answer a missing record gets: same status,
/// same headers that describe the body, same bytes once the requested id and the trace id are set aside. Who may see
/// the record is checked before the version (If-Match) and before uniqueness.
/// </summary>
public sealed class ExistenceOracleTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);
    private static readonly byte[] Pdf = "%PDF-1.4\n% oracle\n"u8.ToArray();

    [Fact]
    public async Task Another_NGOs_dossier_answers_the_404_of_a_missing_one_on_every_route()
    {
        var theirs = await api.SubmitAsync(await api.RegisterNgoAsync());
        var ours = await api.RegisterNgoAsync();
        using var staff = api.AsNgo(ours);
        var missing = Guid.NewGuid();

        await AssertSame404(id => staff.GetAsync($"/dossiers/{id}/status"), theirs.DossierId, missing);
        var document = Guid.NewGuid();
        await AssertSame404(id => staff.GetAsync($"/dossiers/{id}/documents/{document}"), theirs.DossierId, missing);
        await AssertSame404(id => staff.PostAsync($"/dossiers/{id}/documents", Upload()), theirs.DossierId, missing);
        foreach (var version in new[] { "1", "99" }) // the version the other NGO's dossier has, and a wrong one
        {
            await AssertSame404(id => Send(staff, HttpMethod.Post, $"/dossiers/{id}/withdraw", new { reason = "probe" }, version),
                theirs.DossierId, missing);
            await AssertSame404(id => Send(staff, HttpMethod.Post, $"/dossiers/{id}/resubmit", new { answers = new[] { new { item = "Budget", note = "Đã bổ sung." } } }, version),
                theirs.DossierId, missing);
        }
        await AssertSame404(code => staff.GetAsync($"/dossiers/by-receipt/{code}"), theirs.ReceiptCode, "SNV-20000101-999");
        await AssertSame404(id => staff.GetAsync($"/ngos/{id}"), await api.RegisterNgoAsync(), missing);
        await AssertSame404(id => staff.GetAsync($"/ngos/{id}/dossiers"), await api.RegisterNgoAsync(), missing);
    }

    [Fact]
    public async Task Submitting_with_a_taken_id_answers_the_same_whoever_holds_it()
    {
        var theirNgo = await api.RegisterNgoAsync();
        var theirs = await api.SubmitAsync(theirNgo);
        var ours = await api.RegisterNgoAsync();
        using var staff = api.AsNgo(ours);
        using var owner = api.AsNgo(theirNgo);

        var body = RegistrationApi.DossierBody();
        body["id"] = theirs.DossierId.ToString();
        var byStranger = await staff.PostAsJsonAsync("/dossiers", body);
        var byOwner = await owner.PostAsJsonAsync("/dossiers", body);
        Assert.Equal(HttpStatusCode.Conflict, byStranger.StatusCode);
        Assert.Equal(await Answer(byOwner, theirs.DossierId), await Answer(byStranger, theirs.DossierId));
        Assert.Contains("id-unavailable", await byStranger.Content.ReadAsStringAsync());

        body["id"] = theirNgo.ToString(); // not a dossier at all: the same answer
        Assert.Equal(await Answer(byOwner, theirs.DossierId), await Answer(await staff.PostAsJsonAsync("/dossiers", body), theirNgo));
    }

    [Fact]
    public async Task Another_NGOs_project_answers_the_404_of_a_missing_one_on_every_route()
    {
        var scenario = new MonitoringScenario(system);
        var theirs = MonitoringScenario.Decision(DecisionOutcome.Approved, scenario.Today, scenario.Today, scenario.Today.AddYears(1));
        await scenario.Publish(theirs);
        await scenario.WaitForProject(theirs.DossierId, what: "the other NGO's project");
        using var staff = system.Monitoring.ClientAs(DevelopmentUser.NgoStaff(Guid.NewGuid()));
        var missing = Guid.NewGuid();

        await AssertSame404(id => staff.GetAsync($"/projects/{id}"), theirs.DossierId, missing);
        await AssertSame404(id => staff.GetAsync($"/projects/{id}/iati"), theirs.DossierId, missing);
        foreach (var version in new[] { "1", "99" })
            await AssertSame404(id => Send(staff, HttpMethod.Post, $"/projects/{id}/reports",
                new { reportKey = "2026-H1", summary = "probe" }, version), theirs.DossierId, missing);
    }

    private static Task AssertSame404(Func<Guid, Task<HttpResponseMessage>> call, Guid hidden, Guid missing) =>
        AssertSame404(key => call(Guid.Parse(key)), hidden.ToString(), missing.ToString());

    private static async Task AssertSame404(Func<string, Task<HttpResponseMessage>> call, string hidden, string missing)
    {
        using var toHidden = await call(hidden);
        using var toMissing = await call(missing);
        Assert.Equal(HttpStatusCode.NotFound, toMissing.StatusCode);
        Assert.Equal(await Answer(toMissing, missing), await Answer(toHidden, hidden));
    }

    private static Task<string> Answer(HttpResponseMessage response, Guid id) => Answer(response, id.ToString());

    /// <summary>Status, the headers that describe the body, and the body's bytes with the key and trace id set aside.</summary>
    private static async Task<string> Answer(HttpResponseMessage response, string key)
    {
        var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).Replace(key, "{id}");
        body = Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"{trace}\"");
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Content-Length"))
            .Select(h => $"{h.Key}: {string.Join(",", h.Value)}").Order();
        return $"{(int)response.StatusCode}\n{string.Join("\n", headers)}\n\n{body}";
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object body, string version)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return client.SendAsync(request);
    }

    private static MultipartFormDataContent Upload()
    {
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "plan.pdf" }, { new StringContent("ProjectDocument"), "kind" } };
    }
}
