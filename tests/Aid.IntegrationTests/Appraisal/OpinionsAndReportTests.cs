using System.Net;
using System.Net.Http.Json;
using Aid.Appraisal.Appraisals;
using Aid.IntegrationTests.Infrastructure;
using Aid.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Published = Aid.Contracts.Appraisal;
using Xunit;

namespace Aid.IntegrationTests.AppraisalTests;

/// <summary>Sở Tài chính requests and records written opinions, then issues the appraisal report.</summary>
public sealed class OpinionsAndReportTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly AppraisalDriver driver = new(system);

    [Fact]
    public async Task Opinions_then_report_publishes_AppraisalReportIssued_with_the_decision_due_date()
    {
        var reports = await driver.ListenAsync<Published.AppraisalReportIssued>();
        var id = await driver.OpenAppraisalAsync();
        using var appraiser = system.Appraisal.ClientAs("appraiser");

        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests",
            new { departments = new[] { "Sở Ngoại vụ", "Sở Nông nghiệp và Môi trường" } }));
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions", driver.Opinion("Sở Ngoại vụ")));

        // One opinion still awaited and not yet due: the report waits.
        await AppraisalDriver.Problem(await appraiser.PostAsJsonAsync($"/appraisals/{id}/report", new { recommendation = "Approve" }),
            HttpStatusCode.Conflict, "opinions-awaited");

        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions",
            driver.Opinion("Sở Nông nghiệp và Môi trường", "Objects")));
        var opinionsDone = await driver.LoadAsync(id);
        Assert.Equal(AppraisalDriver.Today, opinionsDone!.OpinionsStage!.EndedOn);
        Assert.True(opinionsDone.OpinionsStage.EndedOnTime);

        var issued = await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/report",
            new { recommendation = "ApproveWithConditions", conditions = new[] { "Báo cáo tiến độ hằng quý" } }));
        Assert.NotNull(issued.Headers.ETag);

        var appraisal = await driver.LoadAsync(id);
        var calendar = system.Appraisal.Services.GetRequiredService<WorkingCalendar>();
        Assert.Equal(Published.AppraisalStatus.AwaitingDecision, appraisal!.Status);
        Assert.Equal(calendar.AddWorkingDays(AppraisalDriver.Today, 5), appraisal.DecisionStage!.DueDate);
        Assert.True(appraisal.AppraisalStage!.EndedOnTime);
        Assert.Equal(["Báo cáo tiến độ hằng quý"], appraisal.Report!.Conditions);

        var message = await AppraisalDriver.Received(reports, m => m.DossierId == id, "AppraisalReportIssued on the bus");
        Assert.Equal(Published.Recommendation.ApproveWithConditions, message.Recommendation);
        Assert.Equal(appraisal.DecisionStage.DueDate, message.DecisionDueDate);
        Assert.Equal((appraisal.AppraisalStage.StartedOn, AppraisalDriver.Today, appraisal.AppraisalStage.DueDate),
            (message.OpenedOn, message.IssuedOn, message.DueDate));
        Assert.True(message.OnTime);

        // The appraisal stage is over: no more opinions, no second report.
        await AppraisalDriver.Problem(await appraiser.PostAsJsonAsync($"/appraisals/{id}/report", new { recommendation = "Approve" }),
            HttpStatusCode.Conflict, "appraisal-stage-over");
        await AppraisalDriver.Problem(await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests",
            new { departments = new[] { "Sở Xây dựng" } }), HttpStatusCode.Conflict, "appraisal-stage-over");
    }

    [Fact]
    public async Task The_report_needs_opinions_to_have_been_requested()
    {
        var id = await driver.OpenAppraisalAsync();
        using var appraiser = system.Appraisal.ClientAs("appraiser");
        await AppraisalDriver.Problem(await appraiser.PostAsJsonAsync($"/appraisals/{id}/report", new { recommendation = "Approve" }),
            HttpStatusCode.Conflict, "opinions-not-requested");
    }

    [Fact]
    public async Task Opinions_are_requested_and_recorded_once_per_department()
    {
        var id = await driver.OpenAppraisalAsync();
        using var appraiser = system.Appraisal.ClientAs("appraiser");
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests", new { departments = new[] { "Sở Ngoại vụ" } }));
        await AppraisalDriver.Problem(await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests",
            new { departments = new[] { "sở ngoại vụ" } }), HttpStatusCode.Conflict, "opinion-already-requested");
        await AppraisalDriver.Problem(await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions", driver.Opinion("Sở Xây dựng")),
            HttpStatusCode.Conflict, "opinion-not-requested");
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions", driver.Opinion("Sở Ngoại vụ")));
        await AppraisalDriver.Problem(await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions", driver.Opinion("Sở Ngoại vụ")),
            HttpStatusCode.Conflict, "opinion-already-recorded");

        var appraisal = await driver.LoadAsync(id);
        Assert.Single(appraisal!.Opinions);
        Assert.Single(appraisal.OpinionRequests);
    }

    [Fact]
    public async Task A_refusal_recommendation_needs_reasons()
    {
        var id = await driver.OpenAppraisalAsync();
        using var appraiser = system.Appraisal.ClientAs("appraiser");
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests", new { departments = new[] { "Sở Ngoại vụ" } }));
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions", driver.Opinion("Sở Ngoại vụ", "Objects")));

        var problem = await AppraisalDriver.Problem(await appraiser.PostAsJsonAsync($"/appraisals/{id}/report",
            new { recommendation = "Refuse" }), HttpStatusCode.BadRequest, "invalid-input");
        Assert.True(problem.GetProperty("errors").TryGetProperty("reasons", out _));
        Assert.Equal(Published.AppraisalStatus.Appraising, (await driver.LoadAsync(id))!.Status);

        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/report",
            new { recommendation = "Refuse", reasons = "Ngoài ưu tiên phát triển của tỉnh" }));
        Assert.Equal(Published.Recommendation.Refuse, (await driver.LoadAsync(id))!.Report!.Recommendation);
    }

    [Fact]
    public async Task Every_event_records_actor_agency_role_correlation_and_causation()
    {
        var id = await driver.OpenAppraisalAsync();
        using var appraiser = system.Appraisal.ClientAs("appraiser");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/appraisals/{id}/opinion-requests")
        {
            Content = JsonContent.Create(new { departments = new[] { "Sở Ngoại vụ" } }),
        };
        request.Headers.Add("X-Correlation-Id", "corr-" + id);
        request.Headers.Add("X-Command-Id", "cmd-" + id);
        await AppraisalDriver.Ok(appraiser.SendAsync(request));

        var events = await driver.EventsAsync(id);
        var requested = events.Single(e => e.Data is OpinionsRequested);
        Assert.Equal("appraiser", requested.UserName);
        Assert.Equal("corr-" + id, requested.CorrelationId);
        Assert.Equal("cmd-" + id, requested.CausationId);
        Assert.Equal("STC", requested.GetHeader("agency")?.ToString());
        Assert.Equal("appraiser", requested.GetHeader("role")?.ToString());

        // Consumed events are the system's, caused by the integration event they came from.
        var opened = events.Single(e => e.Data is AppraisalOpened);
        Assert.Equal("system", opened.UserName);
        Assert.NotNull(opened.CausationId);
        Assert.StartsWith("corr-", opened.CorrelationId);
    }
}
