using System.Net;
using System.Net.Http.Json;
using Aid.Appraisal.Appraisals;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.IntegrationTests.Infrastructure;
using Published = Aid.Contracts.Appraisal;
using Xunit;
using Aid.Contracts.Appraisal;

namespace Aid.IntegrationTests.AppraisalTests;

/// <summary>The decision of UBND tỉnh: approve, refuse, override a security objection, forward to the Prime Minister.</summary>
public sealed class DecisionTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly AppraisalDriver driver = new(system);

    [Fact]
    public async Task Approval_publishes_DossierDecided_with_what_monitoring_needs()
    {
        var decided = await driver.ListenAsync<Published.DossierDecided>();
        var id = await driver.ReportedAsync();
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await AppraisalDriver.Ok(decisionMaker.PostAsJsonAsync($"/decisions/{id}/approve", AppraisalDriver.Approval()));

        var appraisal = await driver.LoadAsync(id);
        Assert.Equal(AppraisalStatus.Decided, appraisal!.Status);
        Assert.Equal(Published.DecisionOutcome.Approved, appraisal.Decision!.Outcome);
        Assert.True(appraisal.DecisionStage!.EndedOnTime);

        var message = await AppraisalDriver.Received(decided, m => m.DossierId == id, "DossierDecided on the bus");
        Assert.Equal(Published.DecisionOutcome.Approved, message.Outcome);
        Assert.Equal("1234/QĐ-UBND", message.DecisionNumber);
        Assert.Equal(AppraisalDriver.Today, message.DecisionDate);
        Assert.Equal("Nguyễn Văn Chủ tịch", message.Signer);
        Assert.Equal(["Báo cáo 6 tháng"], message.Conditions);
        Assert.Equal("Nước sạch cho xã Tân Lập", message.Title);
        Assert.Equal(2_600_000_000m, message.AmountVnd);
        Assert.Equal(new DateOnly(2027, 1, 1), message.StartDate);
        Assert.Equal(new DateOnly(2028, 12, 31), message.EndDate);
        Assert.Equal(appraisal.Summary!.NgoId, message.NgoId);
        Assert.Equal("UBND", message.Metadata.Agency);
        Assert.Equal("decision.maker", message.Metadata.Actor);
        Assert.Equal(appraisal.DecisionStage.DueDate, message.DecisionDueDate);
        Assert.True(message.OnTime);
        Assert.Equal(("Save the Rivers", "Vương quốc Anh", "Project"), (message.NgoName, message.NgoCountry, message.AidKind));
        Assert.Equal(["Water"], message.Fields);
        Assert.Equal(["Xã Tân Lập"], message.Locations);
        Assert.Equal((100_000m, "USD"), (message.Amount, message.Currency));
        Assert.Equal("Nước sạch cho 2.000 hộ dân.", message.Objectives);
        Assert.Equal("Clean water for Tân Lập commune", message.TitleEn);
        Assert.Equal(AppraisalDriver.CatalogueEntryId, message.CatalogueEntryId);

        // Deciding twice is refused, and changes nothing.
        var events = (await driver.EventsAsync(id)).Count;
        await AppraisalDriver.Problem(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/approve", AppraisalDriver.Approval()),
            HttpStatusCode.Conflict, "already-decided");
        await AppraisalDriver.Problem(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/refuse", new { reasons = "late" }),
            HttpStatusCode.Conflict, "already-decided");
        Assert.Equal(events, (await driver.EventsAsync(id)).Count);
    }

    [Fact]
    public async Task A_security_objection_blocks_approval_until_an_override_reason_is_recorded()
    {
        var id = await driver.ReportedAsync(SecurityVerdict.Objection);
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");

        await AppraisalDriver.Problem(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/approve", AppraisalDriver.Approval()),
            HttpStatusCode.Conflict, "security-objection");
        Assert.Equal(AppraisalStatus.AwaitingDecision, (await driver.LoadAsync(id))!.Status);

        await AppraisalDriver.Ok(decisionMaker.PostAsJsonAsync($"/decisions/{id}/approve",
            AppraisalDriver.Approval("Các điều kiện an ninh đã được chủ khoản viện trợ cam kết thực hiện")));
        var events = await driver.EventsAsync(id);
        var overridden = Assert.IsType<SecurityObjectionOverridden>(events[^2].Data);
        Assert.Equal("Các điều kiện an ninh đã được chủ khoản viện trợ cam kết thực hiện", overridden.Reason);
        Assert.Equal("decision.maker", events[^2].UserName);
        Assert.IsType<DossierApproved>(events[^1].Data);
        Assert.Equal(overridden.Reason, (await driver.LoadAsync(id))!.SecurityOverrideReason);
    }

    [Fact]
    public async Task An_override_reason_without_an_objection_is_refused()
    {
        var id = await driver.ReportedAsync();
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await AppraisalDriver.Problem(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/approve", AppraisalDriver.Approval("no reason")),
            HttpStatusCode.UnprocessableEntity, "nothing-to-override");
    }

    [Fact]
    public async Task Refusal_publishes_the_reasons()
    {
        var decided = await driver.ListenAsync<Published.DossierDecided>();
        var id = await driver.ReportedAsync(recommendation: "Refuse");
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await AppraisalDriver.Ok(decisionMaker.PostAsJsonAsync($"/decisions/{id}/refuse", new { reasons = "Trùng lặp với dự án khác" }));

        var message = await AppraisalDriver.Received(decided, m => m.DossierId == id, "DossierDecided on the bus");
        Assert.Equal(Published.DecisionOutcome.Refused, message.Outcome);
        Assert.Equal("Trùng lặp với dự án khác", message.Reasons);
        var appraisal = await driver.LoadAsync(id);
        Assert.Equal(Published.DecisionOutcome.Refused, appraisal!.Decision!.Outcome);
        Assert.Equal(appraisal.DecisionStage!.DueDate, message.DecisionDueDate);
        Assert.True(message.OnTime);
    }

    [Theory]
    [InlineData(new[] { "Religion" }, new[] { "Water" }, false)]
    [InlineData(new[] { "Land", "DefenceBorder" }, new[] { "Water" }, false)]
    [InlineData(new string[0], new[] { "Security equipment" }, true)]
    public async Task Prime_Minister_matters_are_forwarded_not_decided_locally(string[] areas, string[] fields, bool securityAid)
    {
        var decided = await driver.ListenAsync<Published.DossierDecided>();
        var classification = securityAid ? new DossierClassification(true, [DossierClassification.SecurityDefenceAid]) { ChangeReason = "Trang thiết bị an ninh." } : null;
        var id = await driver.ReportedAsync(areas: areas, fields: fields, classification: classification);
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");

        await AppraisalDriver.Problem(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/approve", AppraisalDriver.Approval()),
            HttpStatusCode.Conflict, "prime-minister-matter");
        await AppraisalDriver.Problem(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/refuse", new { reasons = "x" }),
            HttpStatusCode.Conflict, "prime-minister-matter");
        await AppraisalDriver.Ok(decisionMaker.PostAsJsonAsync($"/decisions/{id}/forward", new { note = "Kèm báo cáo thẩm định" }));

        var message = await AppraisalDriver.Received(decided, m => m.DossierId == id, "DossierDecided on the bus");
        Assert.Equal(Published.DecisionOutcome.ForwardedToPrimeMinister, message.Outcome);
        Assert.NotNull(message.DecisionDueDate);
        Assert.Equal(fields, message.Fields);
        Assert.Equal(Published.DecisionOutcome.ForwardedToPrimeMinister, (await driver.LoadAsync(id))!.Decision!.Outcome);
        await AppraisalDriver.Problem(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/forward", new { }),
            HttpStatusCode.Conflict, "already-decided");
    }

    [Fact]
    public async Task Words_in_the_fields_decide_nothing_food_security_is_decided_by_the_province()
    {
        var id = await driver.ReportedAsync(fields: ["Food security", "An ninh lương thực"]);
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await AppraisalDriver.Ok(decisionMaker.PostAsJsonAsync($"/decisions/{id}/approve", AppraisalDriver.Approval()));
        Assert.Equal(Published.DecisionOutcome.Approved, (await driver.LoadAsync(id))!.Decision!.Outcome);
    }

    [Fact]
    public async Task A_provincial_matter_cannot_be_forwarded()
    {
        var id = await driver.ReportedAsync();
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await AppraisalDriver.Problem(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/forward", new { }),
            HttpStatusCode.Conflict, "not-prime-minister-matter");
    }

    [Fact]
    public async Task No_decision_before_the_report()
    {
        var id = await driver.OpenAppraisalAsync();
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await AppraisalDriver.Problem(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/approve", AppraisalDriver.Approval()),
            HttpStatusCode.Conflict, "report-not-issued");
    }

    [Fact]
    public async Task Two_decisions_at_once_one_wins_the_other_gets_409()
    {
        var id = await driver.ReportedAsync();
        using var first = system.Appraisal.ClientAs("decision.maker");
        using var second = system.Appraisal.ClientAs("decision.maker");

        var responses = await Task.WhenAll(
            first.PostAsJsonAsync($"/decisions/{id}/approve", AppraisalDriver.Approval()),
            second.PostAsJsonAsync($"/decisions/{id}/refuse", new { reasons = "Không phù hợp" }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        await AppraisalDriver.Problem(loser, HttpStatusCode.Conflict);
        var events = await driver.EventsAsync(id);
        Assert.Single(events, e => e.Data is DossierApproved or DossierRefused);
    }

    [Fact]
    public async Task A_stale_If_Match_version_is_refused()
    {
        var id = await driver.ReportedAsync();
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/decisions/{id}/refuse") { Content = JsonContent.Create(new { reasons = "x" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        await AppraisalDriver.Problem(await decisionMaker.SendAsync(request), HttpStatusCode.Conflict, "concurrent-change");
        Assert.Equal(AppraisalStatus.AwaitingDecision, (await driver.LoadAsync(id))!.Status);
    }
}
