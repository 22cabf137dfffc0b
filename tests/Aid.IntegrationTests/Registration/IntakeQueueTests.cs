using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Contracts.Desks;
using Aid.Registration.Dossiers;
using Aid.Domain.Calendar;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>The intake work queue, its statistics and overdue flagging. This class moves its system's clock.</summary>
public sealed class IntakeQueueTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task The_queue_puts_the_oldest_deadline_first_and_an_overdue_intake_is_flagged_once()
    {
        var ngoId = await api.RegisterNgoAsync();
        var firstDay = api.Today;
        var late = await api.SubmitAsync(ngoId);
        system.Clock.Advance(TimeSpan.FromDays(8));
        var fresh = await api.SubmitAsync(ngoId);
        var done = await api.SubmitAsync(ngoId);
        using var officer = api.As("intake.officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/dossiers/{done.DossierId}/accept", null)).StatusCode);

        var overdue = await Eventually.Returns(async () =>
            (await api.EventsOf(late.DossierId)).OfType<StageBecameOverdue>().FirstOrDefault(), "the late intake to be flagged overdue");
        Assert.Equal(Stage.IntakeCheck, overdue.Stage);
        Assert.Equal(late.IntakeDueDate, overdue.DueDate);

        var queue = (await officer.GetFromJsonAsync<QueuePage<WorkItem>>("/dossiers/queue", RegistrationApi.Json))!.Items;
        Assert.Equal([late.DossierId, fresh.DossierId], queue.Select(q => q.DossierId));
        Assert.Equal(DeadlineFlag.Overdue, queue[0].Flag);
        Assert.Equal(api.Calendar.WorkingDaysBetween(api.Today, late.IntakeDueDate), queue[0].WorkingDaysLeft);
        Assert.True(queue[0].WorkingDaysLeft < 0);
        Assert.Equal(api.Calendar.WorkingDaysBetween(api.Today, fresh.IntakeDueDate), queue[1].WorkingDaysLeft);

        var stats = await Statistics(officer, firstDay, api.Today);
        Assert.Equal(3, stats.Received);
        Assert.Equal(1, stats.InProgress.Overdue);
        Assert.Equal(2, stats.InProgress.Total);
        Assert.Equal(1, stats.Completed.OnTime);
        Assert.Equal(1.0, stats.OnTimeRate);

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/dossiers/{late.DossierId}/accept", null)).StatusCode);
        stats = await Statistics(officer, firstDay, api.Today);
        Assert.Equal(1, stats.Completed.Late);
        Assert.Equal(0.5, stats.OnTimeRate);
        Assert.Equal("SNV", stats.Agency);

        await Task.Delay(TimeSpan.FromSeconds(2.5)); // a few more scans
        Assert.Single((await api.EventsOf(late.DossierId)).OfType<StageBecameOverdue>());
        Assert.Empty((await api.EventsOf(fresh.DossierId)).OfType<StageBecameOverdue>());
    }

    [Fact]
    public async Task Queue_and_statistics_are_for_intake_officers_and_auditors_and_validate_the_period()
    {
        var ngoId = await api.RegisterNgoAsync();
        foreach (var (client, allowed) in new[]
                 {
                     (api.As("intake.officer"), true), (api.As("auditor"), true), (api.As("cleared.auditor"), true), (api.As("admin"), true),
                     (api.AsNgo(ngoId), false), (api.As("security.officer"), false), (api.As("appraiser"), false),
                     (api.As("decision.maker"), false), (api.As("monitoring.officer"), false),
                 })
        {
            using (client)
            {
                var expected = allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                Assert.Equal(expected, (await client.GetAsync("/dossiers/queue")).StatusCode);
                Assert.Equal(expected, (await client.GetAsync("/dossiers/statistics?from=2026-01-01&to=2026-12-31")).StatusCode);
            }
        }
        using var officer = api.As("intake.officer");
        await RegistrationApi.AssertInvalid(await officer.GetAsync("/dossiers/statistics?from=2026-13-01&to=2026-12-31"), "from");
        await RegistrationApi.AssertInvalid(await officer.GetAsync("/dossiers/statistics?from=2026-02-01"), "to");
        await RegistrationApi.AssertInvalid(await officer.GetAsync("/dossiers/statistics?from=2026-12-01&to=2026-01-01"), "to");
        await RegistrationApi.AssertInvalid(await officer.GetAsync("/dossiers/statistics?from=1900-01-01&to=2026-01-01"), "from");
    }

    private static async Task<StageStatistics> Statistics(HttpClient client, DateOnly from, DateOnly to) =>
        (await client.GetFromJsonAsync<StageStatistics>($"/dossiers/statistics?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", RegistrationApi.Json))!;
}
