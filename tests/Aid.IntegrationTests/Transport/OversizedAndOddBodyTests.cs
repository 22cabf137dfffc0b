using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Registration.Ngos;
using System.Text.Json.Nodes;
using Aid.ServiceDefaults.Identity;
using Marten;
using Xunit;

namespace Aid.IntegrationTests.Transport;

/// <summary>
/// Registration behind the real web server (Kestrel, not the in-memory test server), because the body size limits
/// are the server's: oversized JSON and uploads, chunked bodies without a length, and JSON nested or shaped to hurt.
/// </summary>
public sealed class OversizedAndOddBodyTests : IAsyncLifetime
{
    private const int LimitBytes = 64 * 1024;
    private const int UploadLimitBytes = 128 * 1024;
    private IsolatedEnvironment? environment;
    private ServiceFactory<Registration.Program> registration = null!;

    public async Task InitializeAsync()
    {
        var servers = await TestServers.Instance;
        environment = await servers.CreateIsolatedEnvironmentAsync("kestrel");
        registration = new(environment.Postgres("registration"), environment.RabbitMq, new TestClock(), new Dictionary<string, string>
        {
            ["Limits:MaxRequestBodyBytes"] = LimitBytes.ToString(),
            ["Documents:MaxBytes"] = UploadLimitBytes.ToString(),
        });
        registration.UseKestrel(0);
        registration.StartServer();
    }

    public async Task DisposeAsync()
    {
        await registration.DisposeAsync();
        if (environment is not null) (await TestServers.Instance).RemoveLater(environment);
    }

    private async Task<int> NgoCount()
    {
        await using var session = AidSystem.StoreOf(registration).QuerySession();
        return await session.Query<Ngo>().CountAsync();
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private HttpClient Officer() => registration.ClientAs("intake.officer");

    [Fact]
    public async Task A_json_body_over_the_limit_is_refused_with_413_and_nothing_is_written()
    {
        using var client = Officer();
        var body = RegistrationApi.NgoBody();
        body["profile"]!["acronym"] = new string('x', LimitBytes * 2);
        var before = await NgoCount();

        await AssertProblem(await client.PostAsJsonAsync("/ngos", body), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await NgoCount());
    }

    [Fact]
    public async Task A_chunked_body_without_a_length_is_cut_off_at_the_limit()
    {
        using var client = Officer();
        var json = "{\"name\":\"" + new string('y', LimitBytes * 2) + "\"}";
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ngos") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var before = await NgoCount();

        await AssertProblem(await client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await NgoCount());
    }

    [Fact]
    public async Task An_upload_over_the_document_limit_is_refused_and_not_stored()
    {
        using var officer = Officer();
        var registered = await officer.PostAsJsonAsync("/ngos", RegistrationApi.NgoBody());
        var ngoId = (await RegistrationApi.Read(registered))["ngoId"]!.GetValue<Guid>();
        using var staff = registration.ClientAs(DevelopmentUser.NgoStaff(ngoId));
        var submitted = await staff.PostAsJsonAsync("/dossiers", RegistrationApi.DossierBody());
        var dossierId = (await RegistrationApi.Read(submitted))["dossierId"]!.GetValue<Guid>();
        var pdf = "%PDF-1.4\n"u8.ToArray().Concat(new byte[UploadLimitBytes * 3]).ToArray();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(pdf), "file", "big.pdf");
        form.Add(new StringContent("ProjectDocument"), "kind");

        var response = await staff.PostAsync($"/dossiers/{dossierId}/documents", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await using var session = AidSystem.StoreOf(registration).QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(dossierId));
    }

    [Fact]
    public async Task Json_nested_a_thousand_levels_deep_is_a_400_problem_not_a_crash()
    {
        using var client = Officer();
        var deep = "{\"name\":" + string.Concat(Enumerable.Repeat("[", 1000)) + string.Concat(Enumerable.Repeat("]", 1000)) + "}";
        var before = await NgoCount();

        await AssertProblem(await client.PostAsync("/ngos", new StringContent(deep, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
        Assert.Equal(before, await NgoCount());
    }

    [Fact]
    public async Task Json_with_a_duplicated_key_is_refused_rather_than_silently_taking_one_value()
    {
        using var client = Officer();
        var body = RegistrationApi.NgoBody().ToJsonString();
        var twice = body.Insert(1, "\"certificate\":{},");
        var before = await NgoCount();

        var response = await client.PostAsync("/ngos", new StringContent(twice, Encoding.UTF8, "application/json"));
        await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await NgoCount());
    }
}
