using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Monitoring.Reporting;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>A system whose annual report is due today, reminders going 5 working days ahead, to three agencies.</summary>
public sealed class DueTodaySystem : AidSystem
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Reporting:AnnualDue"] = Today.ToString("MM-dd"),
        ["Reporting:ReminderWorkingDays"] = "5",
        ["Reporting:ContributingAgencies:0"] = "CAT",
        ["Reporting:ContributingAgencies:1"] = "STC",
        ["Reporting:ContributingAgencies:2"] = "SYT",
        ["Reporting:ReminderScanSeconds"] = "1",
    };
}

/// <summary>The reminder scanner: each contributing agency reminded once per report, however often it scans.</summary>
public sealed class ReportRemindersTests(DueTodaySystem system) : IClassFixture<DueTodaySystem>
{
    [Fact]
    public async Task Each_contributing_agency_is_reminded_once_per_report()
    {
        var client = system.Monitoring.ClientAs("mobilisation.officer");
        var path = $"/province-reports/annual/{DueTodaySystem.Today.Year}/reminders";
        var sent = await Eventually.Returns(async () =>
        {
            var list = await client.GetFromJsonAsync<List<ReportReminderSent>>(path, ProvinceYearDriver.Json);
            return list is { Count: 3 } ? list : null;
        }, "the scanner to remind the three agencies");
        Assert.Equal(["CAT", "STC", "SYT"], sent.Select(s => s.Agency).Order(StringComparer.Ordinal));
        Assert.All(sent, s => Assert.Equal((DueTodaySystem.Today, DueTodaySystem.Today, $"annual-{DueTodaySystem.Today.Year}"), (s.DueDate, s.SentOn, s.ReportKey)));

        var scanner = system.Monitoring.Services.GetRequiredService<ReminderScanner>();
        await scanner.ScanAsync(CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);
        await Task.Delay(2500); // the hosted scanner runs every second too

        await using var query = AidSystem.StoreOf(system.Monitoring).QuerySession();
        var events = await query.Events.FetchStreamAsync(ReportReminders.StreamId($"annual-{DueTodaySystem.Today.Year}"));
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal("system", e.UserName));
    }
}
