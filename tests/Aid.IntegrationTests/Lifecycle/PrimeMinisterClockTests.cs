using System.Net.Http.Json;
using Aid.Appraisal.Appraisals;
using Aid.Contracts.Appraisal;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Domain.Calendar;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.Lifecycle;

/// <summary>
/// The province's decision clock stops at forwarding: UBND tỉnh's decision stage is judged on time then, and the time
/// the Prime Minister takes is counted apart (decision statistics, the published decision). This class moves its clock.
/// </summary>
public sealed class PrimeMinisterClockTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly PrimeMinisterDecisionTests dossiers = new(system);

    [Fact]
    public async Task The_Prime_Ministers_time_counts_against_no_provincial_agency()
    {
        var forwardedOn = system.Clock.VietnamToday();
        var (_, id) = await dossiers.ForwardedAsync();
        // The Prime Minister answers seven weeks later, long past UBND tỉnh's five working days.
        system.Clock.Advance(TimeSpan.FromDays(49));
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await PrimeMinisterDecisionTests.Ok(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/prime-minister-decision",
            new { outcome = "Approved", documentNumber = "1530/TTg-QHQT", documentDate = system.Clock.VietnamToday().ToString("yyyy-MM-dd") }));

        var appraisal = (await AppraisalDriver.ViewAsync(decisionMaker, id))!;
        Assert.Equal((forwardedOn, true), (appraisal.DecisionStage!.EndedOn, appraisal.DecisionStage.EndedOnTime));
        Assert.Equal((forwardedOn, system.Clock.VietnamToday()), (appraisal.PrimeMinister.ForwardedOn, appraisal.PrimeMinister.DecidedOn));
        Assert.True(appraisal.Decision!.Outcome == DecisionOutcome.Approved);

        var stats = await PrimeMinisterDecisionTests.Json(await decisionMaker.GetAsync(
            $"/decisions/statistics?from={forwardedOn:yyyy-MM-dd}&to={system.Clock.VietnamToday():yyyy-MM-dd}"));
        Assert.Equal((1, 0), (stats.GetProperty("completed").GetProperty("onTime").GetInt32(), stats.GetProperty("completed").GetProperty("late").GetInt32()));
        var primeMinister = stats.GetProperty("primeMinister");
        Assert.Equal((1, 0, 1), (primeMinister.GetProperty("forwarded").GetInt32(), primeMinister.GetProperty("awaiting").GetInt32(),
            primeMinister.GetProperty("decided").GetInt32()));
        var calendar = system.Appraisal.Services.GetRequiredService<WorkingCalendar>();
        Assert.Equal(calendar.WorkingDaysBetween(forwardedOn, system.Clock.VietnamToday()), primeMinister.GetProperty("averageWorkingDays").GetDouble());

        // The published decision says when the province's clock stopped, and judges no provincial deadline.
        await using var query = AidSystem.StoreOf(system.Appraisal).QuerySession();
        var recorded = (await query.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<PrimeMinisterDecisionRecorded>().Single();
        Assert.Equal(forwardedOn, recorded.ForwardedOn);
    }
}
