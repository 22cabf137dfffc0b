using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Ngos;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>Extending the certificate answers the NGO's open extension request, and records which one it answered.</summary>
public sealed class ExtendAnsweringRequestTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task Extending_grants_the_open_request_and_names_it_on_the_event()
    {
        var ngoId = await api.AskedAsync();
        using var officer = api.As("intake.officer");

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/ngos/{ngoId}/certificate/extend",
            new { newExpiryDate = "2100-01-15", newNumber = "77/BNG-GH" })).StatusCode);

        var events = await api.EventsOf(ngoId);
        var requested = Assert.IsType<CertificateExtensionRequested>(events[1]);
        Assert.Equal(requested.RequestId, Assert.IsType<NgoCertificateExtended>(events[2]).AnsweredRequestId);
        var view = await api.ViewAsync(ngoId);
        Assert.Equal(new DateOnly(2100, 1, 15), view.Certificate.ExpiryDate);
        Assert.Equal((ExtensionRequestStatus.Granted, new DateOnly(2100, 1, 15)), (view.ExtensionRequest!.Status, view.ExtensionRequest.GrantedExpiryDate));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.DeclineAsync(ngoId)).StatusCode);
    }

    [Fact]
    public async Task Extending_with_no_open_request_answers_none_and_a_later_request_counts_from_the_new_date()
    {
        var ngoId = await api.RegisterNgoAsync();
        using var officer = api.As("intake.officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/ngos/{ngoId}/certificate/extend", new { newExpiryDate = "2100-01-15" })).StatusCode);
        Assert.Null(Assert.IsType<NgoCertificateExtended>((await api.EventsOf(ngoId))[1]).AnsweredRequestId);
        Assert.Null((await api.ViewAsync(ngoId)).ExtensionRequest);

        using var staff = api.AsNgo(ngoId);
        await RegistrationApi.AssertInvalid(await staff.AskAsync(ngoId, new DateOnly(2100, 1, 15)), "requestedExpiryDate");
    }

    [Fact]
    public async Task An_extension_answering_a_request_still_needs_a_later_date_and_the_request_stays_open_when_refused()
    {
        var ngoId = await api.AskedAsync();
        using var officer = api.As("intake.officer");
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/ngos/{ngoId}/certificate/extend",
            new { newExpiryDate = "2099-01-15" })).StatusCode);
        Assert.Equal(ExtensionRequestStatus.Open, (await api.ViewAsync(ngoId)).ExtensionRequest!.Status);
    }
}
