using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>The intake officer's supplement request may name the date the NGO should answer by.</summary>
public sealed class RequestSupplementTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task An_answer_by_date_that_is_not_after_today_is_refused()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        using var officer = api.As("intake.officer");

        var response = await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request",
            new { missingItems = new[] { "Budget" }, answerBy = api.Today });

        await RegistrationApi.AssertInvalid(response, "answerBy");
    }
}
