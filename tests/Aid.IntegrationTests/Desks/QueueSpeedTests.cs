using System.Diagnostics;
using System.Net;
using Aid.IntegrationTests.Infrastructure;
using Aid.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Aid.IntegrationTests.Desks;

/// <summary>
/// The security queue with 5,000 open reviews: search, filter and page requests, 50 of each, timed and written to
/// the test output (p50/p95). A measurement, not a timed assertion: the figures depend on the machine.
/// </summary>
public sealed class QueueSpeedTests(AidSystem system, ITestOutputHelper output) : IClassFixture<AidSystem>
{
    private const int Reviews = 5000;
    private const int Requests = 50;

    [Fact]
    public async Task Search_filter_and_page_over_five_thousand_reviews()
    {
        var today = system.Clock.VietnamToday();
        var calendar = system.Security.Services.GetRequiredService<WorkingCalendar>();
        string[] ngos = ["Hội Hữu nghị Đồng Nai", "Hilfswerk für Kinder", "Plan International", "World Vision", "Save the Children"];
        var reviews = Enumerable.Range(1, Reviews).Select(n => QueueSeed.Review(
            $"SNV-20261205-{n:00000}", ngos[n % ngos.Length], $"Dự án số {n}", calendar.AddWorkingDays(today, n % 40 - 10), today,
            n % 7 == 0 ? "EmergencyRelief" : "Project")).ToList();
        var loading = Stopwatch.StartNew();
        await QueueSeed.StoreAsync(AidSystem.StoreOf(system.Security), reviews);
        output.WriteLine($"loaded {Reviews} reviews in {loading.ElapsedMilliseconds} ms");

        using var officer = system.Security.ClientAs("security.officer");
        foreach (var (name, query) in new[]
                 {
                     ("first page", ""),
                     ("search receipt code", "q=20261205-0421"),
                     ("search NGO, no diacritics", "q=huu%20nghi%20dong%20nai"),
                     ("filter overdue", "flag=Overdue"),
                     ("filter aid kind + nearly due", "aidKind=EmergencyRelief&flag=NearlyDue"),
                     ("page 40 of 50, by NGO", "sort=Ngo&page=40&pageSize=100"),
                 })
        {
            var times = new List<double>();
            for (var i = 0; i < Requests + 3; i++)
            {
                var watch = Stopwatch.StartNew();
                var response = await officer.GetAsync($"/security-reviews/queue?{query}");
                await response.Content.ReadAsByteArrayAsync();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                if (i >= 3) times.Add(watch.Elapsed.TotalMilliseconds); // the first three warm up
            }
            times.Sort();
            output.WriteLine($"{name,-32} p50 {Percentile(times, 0.50),7:0.0} ms   p95 {Percentile(times, 0.95),7:0.0} ms");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
