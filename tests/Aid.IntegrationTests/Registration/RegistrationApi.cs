using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration;
using Aid.Registration.Dossiers;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Identity;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>Drives the Registration service's HTTP API the way its users do.</summary>
public sealed class RegistrationApi(AidSystem system)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public HttpClient As(string user) => system.Registration.ClientAs(user);

    public HttpClient AsNgo(Guid ngoId) => system.Registration.ClientAs(DevelopmentUser.NgoStaff(ngoId));

    public DateOnly Today => system.Clock.VietnamToday();

    public WorkingCalendar Calendar => system.Registration.Services.GetRequiredService<WorkingCalendar>();

    public StageDeadlines Deadlines => system.Registration.Services.GetRequiredService<StageDeadlines>();

    public IDocumentStore Store => AidSystem.StoreOf(system.Registration);

    public static JsonObject NgoBody(
        string? kind = "OperationRegistration", DateOnly? expiry = null, string[]? provinces = null, Guid? id = null) => new()
    {
        ["id"] = id?.ToString(),
        ["profile"] = new JsonObject
        {
            ["nameOwnLanguage"] = "Hilfswerk für Kinder",
            ["nameEnglish"] = "Children's Relief Works",
            ["acronym"] = "CRW",
            ["country"] = "Germany",
            ["headOfficeAddress"] = "Hauptstraße 1, Berlin",
            ["contact"] = new JsonObject { ["name"] = "Anna Schmidt", ["email"] = "anna@crw.example", ["phone"] = "+49 30 123456" },
            ["fields"] = new JsonArray("Education", "Health"),
            ["provinces"] = new JsonArray((provinces ?? ["DNA", "HCM"]).Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
        },
        ["certificate"] = new JsonObject
        {
            ["kind"] = kind,
            ["number"] = "123/BNG-VPDA",
            ["issueDate"] = "2024-01-15",
            ["expiryDate"] = (expiry ?? new DateOnly(2099, 1, 15)).ToString("yyyy-MM-dd"),
        },
    };

    public static JsonObject DossierBody(string kind = "Project", string[]? documentKinds = null, string[]? sensitive = null) => new()
    {
        ["kind"] = kind,
        ["title"] = "Clean water for Tân Phú schools",
        ["aidOwner"] = "UBND huyện Tân Phú",
        ["managingAgency"] = "Sở Giáo dục và Đào tạo",
        ["fields"] = new JsonArray("Education", "Water"),
        ["locations"] = new JsonArray("Xã Phú Lộc", "Xã Tà Lài"),
        ["budget"] = new JsonObject
        {
            ["amount"] = 120000, ["currency"] = "USD", ["exchangeRate"] = 25400, ["counterpartFundingVnd"] = 50000000,
        },
        ["startDate"] = "2027-01-01",
        ["endDate"] = "2028-12-31",
        ["objectives"] = "Safe drinking water for 12 schools.\nHygiene training.",
        ["beneficiaries"] = "4,000 pupils and teachers",
        ["documents"] = new JsonArray((documentKinds ?? ["ProjectDocument", "CommitmentLetter"]).Select(k => (JsonNode)new JsonObject
        {
            ["kind"] = k, ["name"] = k + ".pdf", ["sizeBytes"] = 123456, ["sha256"] = new string('a', 64),
        }).ToArray()),
        ["sensitiveAreas"] = new JsonArray((sensitive ?? []).Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
    };

    public async Task<Guid> RegisterNgoAsync(JsonObject? body = null)
    {
        using var client = As("intake.officer");
        var response = await client.PostAsJsonAsync("/ngos", body ?? NgoBody());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Read(response))["ngoId"]!.GetValue<Guid>();
    }

    /// <summary>Submits the dossier and, as the portal does next, uploads the file of each document it lists
    /// (<paramref name="upload"/> false: the files never arrive, and intake cannot accept it).</summary>
    public async Task<DossierReceipt> SubmitAsync(Guid ngoId, JsonObject? body = null, bool upload = true)
    {
        using var client = AsNgo(ngoId);
        body ??= DossierBody();
        var response = await client.PostAsJsonAsync("/dossiers", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var receipt = (await response.Content.ReadFromJsonAsync<DossierReceipt>(Json))!;
        if (upload)
            foreach (var document in body["documents"]?.AsArray() ?? [])
            {
                var uploaded = await client.PostAsync($"/dossiers/{receipt.DossierId}/documents",
                    DocumentUploadTests.Form("%PDF-1.4\n% test document\n"u8.ToArray(), (string)document!["name"]!, (string)document["kind"]!));
                Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
            }
        return receipt;
    }

    /// <summary>A registered NGO with a dossier already accepted at intake.</summary>
    public async Task<(Guid NgoId, DossierReceipt Receipt)> AcceptedDossierAsync(string[]? sensitive = null)
    {
        var ngoId = await RegisterNgoAsync();
        var receipt = await SubmitAsync(ngoId, DossierBody(sensitive: sensitive));
        using var officer = As("intake.officer");
        var accepted = await officer.PostAsync($"/dossiers/{receipt.DossierId}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return (ngoId, receipt);
    }

    public async Task<DossierStatus> StatusAsync(Guid dossierId, string user = "auditor")
    {
        using var client = As(user);
        var response = await client.GetAsync($"/dossiers/{dossierId}/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DossierStatus>(Json))!;
    }

    public async Task<IReadOnlyList<object>> EventsOf(Guid streamId)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(streamId)).Select(e => e.Data).ToList();
    }

    public static async Task<JsonObject> Read(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>400 problem details naming each of the fields.</summary>
    public static async Task AssertInvalid(HttpResponseMessage response, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        foreach (var field in fields)
            Assert.Contains(field, body);
    }
}

public static class ClockExtensions
{
    public static DateOnly VietnamToday(this TestClock clock) => clock.GetUtcNow().VietnamDate();
}
