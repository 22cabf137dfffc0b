using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Xunit;
using Published = Aid.Contracts.Registration;

namespace Aid.IntegrationTests.MobilisationTests;

public sealed class AdoptPlanTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MobilisationApi api = new(system);

    private static object Plan(decimal digital = 20_000_000_000m, string? note = null) => new
    {
        targets = new object[]
        {
            new { sector = "DigitalTransformation", targetVnd = digital },
            new { sector = "GreenGrowth", targetVnd = 15_000_000_000m },
            new { sector = "Health", targetVnd = 30_000_000_000m },
        },
        note,
    };

    [Fact]
    public async Task Sở_Ngoại_vụ_adopts_then_revises_the_year_plan_which_is_published()
    {
        var adopted = await api.Bus.ListenAsync<Published.MobilisationPlanAdopted>();
        using var officer = api.As("mobilisation.officer");

        var firstResponse = await officer.PutAsJsonAsync("/mobilisation/plans/2031", Plan());
        var first = await MobilisationApi.Json(firstResponse);
        Assert.Equal("\"1\"", firstResponse.Headers.ETag?.Tag);
        Assert.Equal(1, first.GetProperty("revision").GetInt32());
        var message = await AppraisalDriver.Received(adopted, m => m.Year == 2031, "MobilisationPlanAdopted");
        Assert.Equal(3, message.Targets.Count);
        Assert.Contains(message.Targets, t => t.Sector == "GreenGrowth" && t.TargetVnd == 15_000_000_000m);

        using var request = new HttpRequestMessage(HttpMethod.Put, "/mobilisation/plans/2031") { Content = JsonContent.Create(Plan(25_000_000_000m, "Điều chỉnh giữa kỳ")) };
        request.Headers.IfMatch.Add(firstResponse.Headers.ETag!); // the version the officer last saw
        var second = await MobilisationApi.Json(await officer.SendAsync(request));
        Assert.Equal(2, second.GetProperty("revision").GetInt32());

        using var auditor = api.As("auditor");
        var plan = await MobilisationApi.Json(await auditor.GetAsync("/mobilisation/plans/2031"));
        Assert.Equal("Điều chỉnh giữa kỳ", plan.GetProperty("note").GetString());
        Assert.Equal(25_000_000_000m, plan.GetProperty("targets")[0].GetProperty("targetVnd").GetDecimal());
    }

    [Fact]
    public async Task A_stale_unchanged_or_malformed_plan_is_refused()
    {
        using var officer = api.As("mobilisation.officer");
        await AppraisalDriver.Ok(officer.PutAsJsonAsync("/mobilisation/plans/2032", Plan()));
        await AppraisalDriver.Problem(await officer.PutAsJsonAsync("/mobilisation/plans/2032", Plan()), HttpStatusCode.Conflict, "plan-unchanged");

        using var stale = new HttpRequestMessage(HttpMethod.Put, "/mobilisation/plans/2032") { Content = JsonContent.Create(Plan(1m)) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\""));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.SendAsync(stale)).StatusCode);

        var bad = new
        {
            targets = new object[] { new { sector = "Health", targetVnd = 1m }, new { sector = "Health", targetVnd = -5m }, new { sector = "Tourism", targetVnd = 1m } },
        };
        await RegistrationApi.AssertInvalid(await officer.PutAsJsonAsync("/mobilisation/plans/1999", bad),
            "year", "targets[1].targetVnd", "targets[2].sector", "Mỗi lĩnh vực chỉ được nêu một lần");
    }
}
