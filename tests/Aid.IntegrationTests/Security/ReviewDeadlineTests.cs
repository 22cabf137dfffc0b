using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Security;
using Aid.Security.Reviews;
using Aid.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.SecurityReviews;

/// <summary>The work queue and statistics of Công an tỉnh (the clock is not moved in this class).</summary>
public sealed class ReviewQueueAndStatisticsTests(AidSystem system) : IClassFixture<AidSystem>
{
    [Fact]
    public async Task The_queue_lists_open_reviews_oldest_deadline_first_with_working_days_left()
    {
        var project = await system.AcceptDossierAsync();
        var emergency = await system.AcceptDossierAsync(aidKind: "EmergencyRelief");
        var concluded = await system.AcceptDossierAsync();
        await system.AssignAsync(concluded.DossierId);
        using var officer = system.Security.ClientAs("security.officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/security-reviews/{concluded.DossierId}/conclusion", new { verdict = "Cleared" })).StatusCode);

        var queue = await (await officer.GetAsync("/security-reviews/queue?pageSize=100")).JsonAsync();

        var ids = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("dossierId").GetGuid()).ToList();
        Assert.DoesNotContain(concluded.DossierId, ids);
        Assert.True(ids.IndexOf(emergency.DossierId) < ids.IndexOf(project.DossierId), "the nearer deadline comes first");
        var dueDates = queue.GetProperty("items").EnumerateArray().Select(i => DateOnly.Parse(i.GetProperty("dueDate").GetString()!)).ToList();
        Assert.Equal(dueDates.Order(), dueDates);
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("dossierId").GetGuid() == project.DossierId);
        var calendar = system.Security.Services.GetRequiredService<WorkingCalendar>();
        var today = system.Clock.VietnamToday();
        var due = DateOnly.Parse(item.GetProperty("dueDate").GetString()!);
        Assert.Equal(calendar.WorkingDaysBetween(today, due), item.GetProperty("workingDaysLeft").GetInt32());
        Assert.Equal("OnTime", item.GetProperty("flag").GetString());
        var urgent = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("dossierId").GetGuid() == emergency.DossierId);
        Assert.Equal("NearlyDue", urgent.GetProperty("flag").GetString());
    }

    [Fact]
    public async Task Statistics_count_received_in_progress_and_completed_reviews_of_the_period()
    {
        using var auditor = system.Security.ClientAs("auditor");
        var today = system.Clock.VietnamToday();
        var url = $"/security-reviews/statistics?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
        var before = await (await auditor.GetAsync(url)).JsonAsync();

        await system.AcceptDossierAsync();
        var done = await system.AcceptDossierAsync();
        await system.AssignAsync(done.DossierId);
        using var officer = system.Security.ClientAs("security.officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/security-reviews/{done.DossierId}/conclusion", new { verdict = "Cleared" })).StatusCode);

        var after = await (await auditor.GetAsync(url)).JsonAsync();
        Assert.Equal(before.GetProperty("received").GetInt32() + 2, after.GetProperty("received").GetInt32());
        Assert.Equal(before.GetProperty("inProgress").GetProperty("total").GetInt32() + 1, after.GetProperty("inProgress").GetProperty("total").GetInt32());
        Assert.Equal(before.GetProperty("completed").GetProperty("onTime").GetInt32() + 1, after.GetProperty("completed").GetProperty("onTime").GetInt32());
        Assert.Equal(0, after.GetProperty("completed").GetProperty("late").GetInt32());
        Assert.Equal(1.0, after.GetProperty("onTimeRate").GetDouble());
        Assert.Equal("CAT", after.GetProperty("agency").GetString());
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("?from=2026-01-01", "to")]
    [InlineData("?from=2026-13-01&to=2026-12-31", "from")]
    [InlineData("?from=01/01/2026&to=2026-12-31", "from")]
    [InlineData("?from=2026-02-01&to=2026-01-31", "to")]
    [InlineData("?from=1999-12-31&to=2026-01-31", "from")]
    [InlineData("?from=2026-01-01&to=2101-01-01", "to")]
    [InlineData("?from=2026-01-01%27%20OR%201=1&to=2026-12-31", "from")]
    public async Task Statistics_refuse_a_malformed_period_naming_the_field(string query, string field)
    {
        using var auditor = system.Security.ClientAs("auditor");
        var response = await auditor.GetAsync("/security-reviews/statistics" + query);
        await SecurityTestKit.AssertProblemAsync(response, HttpStatusCode.BadRequest, field: field, code: "invalid-input");
    }
}

/// <summary>Overdue stages are flagged as they become overdue (this class moves its system's clock).</summary>
public sealed class ReviewOverdueTests(AidSystem system) : IClassFixture<AidSystem>
{
    [Fact]
    public async Task A_review_past_its_due_date_is_flagged_overdue_once_and_a_late_conclusion_counts_as_late()
    {
        var late = await system.AcceptDossierAsync();
        await system.AssignAsync(late.DossierId);

        system.Clock.Advance(TimeSpan.FromDays(30));

        var flagged = await system.ReviewAsync(late.DossierId, r => r.FlaggedOverdue, "the review to be flagged overdue");
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // a few more scans
        var overdue = Assert.Single(await system.EventsAsync(late.DossierId), e => e.Data is SecurityReviewBecameOverdue);
        Assert.Equal(flagged.DueOn, ((SecurityReviewBecameOverdue)overdue.Data).DueOn);
        Assert.Equal("system", overdue.UserName);
        Assert.Equal("CAT", overdue.GetHeader("agency")?.ToString());

        using var officer = system.Security.ClientAs("security.officer");
        var queue = await (await officer.GetAsync("/security-reviews/queue?pageSize=100")).JsonAsync();
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("dossierId").GetGuid() == late.DossierId);
        Assert.Equal("Overdue", item.GetProperty("flag").GetString());
        Assert.True(item.GetProperty("workingDaysLeft").GetInt32() < 0);

        var concluded = await (await officer.PostAsJsonAsync($"/security-reviews/{late.DossierId}/conclusion", new { verdict = "Cleared" })).JsonAsync();
        Assert.False(concluded.GetProperty("stage").GetProperty("onTime").GetBoolean());
        Assert.Equal(system.Clock.VietnamToday().ToString("yyyy-MM-dd"), concluded.GetProperty("stage").GetProperty("endedOn").GetString());

        var today = system.Clock.VietnamToday();
        var statistics = await (await officer.GetAsync($"/security-reviews/statistics?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).JsonAsync();
        Assert.Equal(1, statistics.GetProperty("completed").GetProperty("late").GetInt32());
        Assert.Equal(0.0, statistics.GetProperty("onTimeRate").GetDouble());
    }
}
