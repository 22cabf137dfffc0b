using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Registration.Catalogue;
using Marten;
using Xunit;

namespace Aid.IntegrationTests.MobilisationTests;

/// <summary>Drives the catalogue, plan and donor endpoints of the Registration service the way their users do.</summary>
public sealed class MobilisationApi(AidSystem system)
{
    public RegistrationApi Registration { get; } = new(system);

    public AppraisalDriver Bus { get; } = new(system);

    public HttpClient As(string user) => system.Registration.ClientAs(user);

    public HttpClient Anonymous() => system.Registration.CreateClient();

    public static JsonObject EntryBody(
        string sector = "Health", string commune = "Xã Phú Lộc", decimal cost = 3_500_000_000m, decimal counterpart = 500_000_000m,
        string titleVi = "Nâng cấp trạm y tế xã Phú Lộc") => new()
    {
        ["titleVi"] = titleVi,
        ["titleEn"] = "Upgrading the Phú Lộc commune health station",
        ["summaryVi"] = "Xây mới phòng khám, trang thiết bị sản nhi.",
        ["summaryEn"] = "A new consulting room and maternity equipment.",
        ["sector"] = sector,
        ["commune"] = commune,
        ["beneficiaries"] = "12.000 người dân trong xã",
        ["estimatedCostVnd"] = cost,
        ["counterpartFundsVnd"] = counterpart,
        ["priority"] = "High",
        ["proposingBody"] = "UBND xã Phú Lộc",
        ["contact"] = new JsonObject { ["name"] = "Đặng Văn Minh", ["phone"] = "0251 3822 123", ["email"] = "phuloc@dongnai.gov.vn" },
    };

    public async Task<Guid> ProposeAsync(JsonObject? entry = null, string user = "commune.proposer")
    {
        using var client = As(user);
        var response = await client.PostAsJsonAsync("/catalogue/entries", new JsonObject { ["entry"] = entry ?? EntryBody() });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await RegistrationApi.Read(response))["entryId"]!.GetValue<Guid>();
    }

    public async Task<Guid> PublishedAsync(JsonObject? entry = null)
    {
        var id = await ProposeAsync(entry);
        using var officer = As("mobilisation.officer");
        await AppraisalDriver.Ok(officer.PostAsync($"/catalogue/entries/{id}/publish", null));
        return id;
    }

    public async Task<CatalogueEntry> EntryAsync(Guid id)
    {
        await using var session = AidSystem.StoreOf(system.Registration).QuerySession();
        return (await session.LoadAsync<CatalogueEntry>(id))!;
    }

    public Task<CatalogueEntry> UntilAsync(Guid id, Func<CatalogueEntry, bool> condition, string what) =>
        Eventually.Returns(async () => await EntryAsync(id) is { } e && condition(e) ? e : null, what);

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
