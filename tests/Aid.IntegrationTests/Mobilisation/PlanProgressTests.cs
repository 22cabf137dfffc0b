using System.Net;
using System.Net.Http.Json;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Monitoring;
using Aid.Contracts.Security;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Registration.Catalogue;
using Aid.Domain.Calendar;
using Xunit;

namespace Aid.IntegrationTests.MobilisationTests;

/// <summary>
/// Plan progress from what the other services publish: Appraisal's approval (committed) and Monitoring's received
/// tranches (received), published here on the real bus as those services do.
/// </summary>
public sealed class PlanProgressTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MobilisationApi api = new(system);

    [Fact]
    public async Task Committed_and_received_aid_of_dossiers_citing_entries_count_against_the_sector_targets_once()
    {
        var year = system.Clock.VietnamToday().Year;
        using var officer = api.As("mobilisation.officer");
        await AppraisalDriver.Ok(officer.PutAsJsonAsync($"/mobilisation/plans/{year}", new
        {
            targets = new object[] { new { sector = "Health", targetVnd = 10_000_000_000m }, new { sector = "Education", targetVnd = 5_000_000_000m } },
        }));
        // Aid needed: 5.0 bn less 1.0 bn = 4.0 bn; 3.048 bn approved funds it in part.
        var entryId = await api.PublishedAsync(MobilisationApi.EntryBody(cost: 5_000_000_000m, counterpart: 1_000_000_000m));
        var ngoId = await api.Registration.RegisterNgoAsync();
        var body = Aid.IntegrationTests.RegistrationTests.RegistrationApi.DossierBody();
        body["catalogueEntryId"] = entryId.ToString();
        var receipt = await api.Registration.SubmitAsync(ngoId, body);
        // Registration records a decision only on a dossier waiting for it: accepted, concluded, appraised.
        using (var intake = api.As("intake.officer"))
            Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync($"/dossiers/{receipt.DossierId}/accept", null)).StatusCode);
        await api.Bus.Publish(new SecurityReviewConcluded(AppraisalDriver.Metadata("CAT"), receipt.DossierId, receipt.ReceiptCode, SecurityVerdict.Cleared, []));
        await api.Bus.Publish(new AppraisalReportIssued(AppraisalDriver.Metadata("STC"), receipt.DossierId, receipt.ReceiptCode,
            Recommendation.Approve, system.Clock.VietnamToday().AddDays(10)));
        await Eventually.Returns(async () => (await api.Registration.StatusAsync(receipt.DossierId)).Stage == "Decision" ? "ok" : null,
            "the dossier to wait for the decision");

        var decided = new DossierDecided(AppraisalDriver.Metadata("UBND"), receipt.DossierId, receipt.ReceiptCode, DecisionOutcome.Approved)
        {
            DecisionDate = system.Clock.VietnamToday(), AmountVnd = 3_048_000_000m,
        };
        await api.Bus.Publish(decided);
        await api.Bus.Publish(decided); // redelivered: changes nothing
        var entry = await api.UntilAsync(entryId, e => e.Funding != EntryFunding.None, "the entry to be funded");
        Assert.Equal(EntryFunding.Partly, entry.Funding);

        var tranche = new AidReceived(AppraisalDriver.Metadata("SNV", "monitoring"), receipt.DossierId, receipt.ReceiptCode, Guid.NewGuid(),
            40_000m, "USD", system.Clock.VietnamToday()) { AmountVnd = 1_016_000_000m };
        await api.Bus.Publish(tranche);
        await api.Bus.Publish(tranche);
        await api.Bus.Publish(tranche with { Metadata = AppraisalDriver.Metadata("SNV", "monitoring") }); // same tranche re-published
        var noVnd = new AidReceived(AppraisalDriver.Metadata("SNV", "monitoring"), receipt.DossierId, receipt.ReceiptCode, Guid.NewGuid(),
            500m, "EUR", system.Clock.VietnamToday());
        await api.Bus.Publish(noVnd);
        var marker = tranche with { Metadata = AppraisalDriver.Metadata("SNV", "monitoring"), TrancheId = Guid.NewGuid(), AmountVnd = 1m };
        await api.Bus.Publish(marker);
        await api.UntilAsync(entryId, e => e.Tranches.Any(t => t.TrancheId == marker.TrancheId), "the marker tranche to be recorded");

        using var reader = api.As("decision.maker");
        var progress = await MobilisationApi.Json(await reader.GetAsync($"/mobilisation/plans/{year}/progress"));
        var health = progress.GetProperty("sectors").EnumerateArray().Single(s => s.GetProperty("sector").GetString() == "Health");
        Assert.Equal(10_000_000_000m, health.GetProperty("targetVnd").GetDecimal());
        Assert.Equal(3_048_000_000m, health.GetProperty("committedVnd").GetDecimal());
        Assert.Equal(1_016_000_001m, health.GetProperty("receivedVnd").GetDecimal());
        Assert.Equal("Y tế", health.GetProperty("label").GetProperty("vi").GetString());
        var education = progress.GetProperty("sectors").EnumerateArray().Single(s => s.GetProperty("sector").GetString() == "Education");
        Assert.Equal(0m, education.GetProperty("committedVnd").GetDecimal());
        Assert.Equal(15_000_000_000m, progress.GetProperty("targetVnd").GetDecimal());

        var nextYear = await MobilisationApi.Json(await reader.GetAsync($"/mobilisation/plans/{year + 1}/progress"));
        Assert.Empty(nextYear.GetProperty("sectors").EnumerateArray());
    }
}
