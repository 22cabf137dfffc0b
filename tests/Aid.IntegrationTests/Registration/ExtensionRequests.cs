using System.Net;
using System.Net.Http.Json;
using Aid.Registration.Ngos;
using Marten;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>The NGO asks for a certificate extension; Sở Ngoại vụ extends or declines it.</summary>
public static class ExtensionRequests
{
    public static Task<HttpResponseMessage> AskAsync(this HttpClient ngo, Guid ngoId, DateOnly? to, string? reason = "Programmes continue to 2031.") =>
        ngo.PostAsJsonAsync($"/ngos/{ngoId}/certificate/extension-requests",
            new { requestedExpiryDate = to?.ToString("yyyy-MM-dd"), reason });

    public static Task<HttpResponseMessage> DeclineAsync(this HttpClient officer, Guid ngoId, string? reason = "The annual reports for 2025 are missing.") =>
        officer.PostAsJsonAsync($"/ngos/{ngoId}/certificate/extension-requests/decline", new { reason });

    /// <summary>A registered NGO (certificate to 15/01/2099) that has asked for an extension to 15/01/2100.</summary>
    public static async Task<Guid> AskedAsync(this RegistrationApi api)
    {
        var ngoId = await api.RegisterNgoAsync();
        using var staff = api.AsNgo(ngoId);
        Assert.Equal(HttpStatusCode.OK, (await staff.AskAsync(ngoId, new DateOnly(2100, 1, 15))).StatusCode);
        return ngoId;
    }

    public static async Task<NgoView> ViewAsync(this RegistrationApi api, Guid ngoId)
    {
        using var staff = api.AsNgo(ngoId);
        return (await staff.GetFromJsonAsync<NgoView>($"/ngos/{ngoId}", RegistrationApi.Json))!;
    }

    public static async Task<IReadOnlyList<JasperFx.Events.IEvent>> StreamOf(this RegistrationApi api, Guid ngoId)
    {
        await using var session = api.Store.QuerySession();
        return await session.Events.FetchStreamAsync(ngoId);
    }
}
