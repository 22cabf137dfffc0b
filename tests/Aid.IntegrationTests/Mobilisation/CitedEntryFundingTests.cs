using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Registration.Catalogue;
using Published = Aid.Contracts.Registration;
using Xunit;

namespace Aid.IntegrationTests.MobilisationTests;

/// <summary>A dossier cites a published entry; its approval, decided in the Appraisal service, marks the entry funded.</summary>
public sealed class CitedEntryFundingTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MobilisationApi api = new(system);

    [Fact]
    public async Task An_approved_dossier_citing_an_entry_marks_it_funded()
    {
        var funded = await api.Bus.ListenAsync<Published.CatalogueEntryFunded>();
        var accepted = await api.Bus.ListenAsync<Published.DossierAccepted>();
        // Aid needed: 3.5 bn less 0.5 bn counterpart = 3.0 bn; the dossier brings 120,000 USD x 25,400 = 3.048 bn.
        var entryId = await api.PublishedAsync(MobilisationApi.EntryBody(cost: 3_500_000_000m, counterpart: 500_000_000m));
        var ngoId = await api.Registration.RegisterNgoAsync();
        var body = RegistrationApi.DossierBody();
        body["catalogueEntryId"] = entryId.ToString();
        body["titleEn"] = "Safe water for the commune";
        var receipt = await api.Registration.SubmitAsync(ngoId, body);
        var dossierId = receipt.DossierId;

        using (var intake = api.As("intake.officer"))
            await AppraisalDriver.Ok(intake.PostAsync($"/dossiers/{dossierId}/accept", null));
        var acceptedMessage = await AppraisalDriver.Received(accepted, m => m.DossierId == dossierId, "DossierAccepted");
        Assert.Equal(entryId, acceptedMessage.CatalogueEntryId);
        Assert.Equal("Germany", acceptedMessage.NgoCountry);
        Assert.Equal(receipt.ReceiptDate, acceptedMessage.ReceiptDate);
        Assert.Equal(receipt.IntakeDueDate, acceptedMessage.IntakeDueDate);
        Assert.True(acceptedMessage.IntakeOnTime);
        Assert.StartsWith("Safe drinking water", acceptedMessage.Objectives);
        Assert.Equal("Safe water for the commune", acceptedMessage.TitleEn);

        await ApproveAsync(dossierId);

        var entry = await api.UntilAsync(entryId, e => e.Funding != EntryFunding.None, "the entry to be marked funded");
        Assert.Equal(EntryFunding.Fully, entry.Funding);
        Assert.Equal(3_048_000_000m, entry.FundedVnd);
        var funding = Assert.Single(entry.Fundings);
        Assert.Equal(dossierId, funding.DossierId);
        var message = await AppraisalDriver.Received(funded, m => m.EntryId == entryId, "CatalogueEntryFunded");
        Assert.Equal(Published.FundingLevel.Fully, message.Level);
        Assert.Equal(dossierId, message.DossierId);

        using var anonymous = api.Anonymous();
        var shown = await MobilisationApi.Json(await anonymous.GetAsync($"/public/catalogue/{entryId}"));
        Assert.Equal("Fully", shown.GetProperty("funding").GetString());
    }

    [Fact]
    public async Task A_dossier_cannot_cite_an_entry_that_is_not_published()
    {
        var ngoId = await api.Registration.RegisterNgoAsync();
        var proposed = await api.ProposeAsync();
        foreach (var cited in new[] { proposed, Guid.NewGuid() })
        {
            var body = RegistrationApi.DossierBody();
            body["catalogueEntryId"] = cited.ToString();
            using var ngo = api.Registration.AsNgo(ngoId);
            var problem = await AppraisalDriver.Problem(await ngo.PostAsJsonAsync("/dossiers", body),
                HttpStatusCode.UnprocessableEntity, "intake-refused");
            Assert.Contains(problem.GetProperty("reasons").EnumerateArray(),
                r => r.GetProperty("en").GetString()!.Contains("catalogue entry"));
        }
    }

    /// <summary>Công an tỉnh clears it, Sở Tài chính appraises it, UBND tỉnh approves it: each through its own service.</summary>
    private async Task ApproveAsync(Guid id)
    {
        using var security = system.Security.ClientAs("security.officer");
        await Eventually.Returns(async () =>
            (await security.GetAsync($"/security-reviews/{id}")).StatusCode == HttpStatusCode.OK ? "open" : null, "the security review to open");
        await AppraisalDriver.Ok(security.PostAsJsonAsync($"/security-reviews/{id}/assignments", new { officers = new[] { "security.officer" } }));
        await AppraisalDriver.Ok(security.PostAsJsonAsync($"/security-reviews/{id}/findings", new { text = "Không có vấn đề.", severity = "Low" }));
        await AppraisalDriver.Ok(security.PostAsJsonAsync($"/security-reviews/{id}/conclusion", new { verdict = "Cleared" }));

        using var appraiser = system.Appraisal.ClientAs("appraiser");
        await Eventually.Returns(async () => (await api.Bus.LoadAsync(id))?.Status == Aid.Contracts.Appraisal.AppraisalStatus.Appraising
            ? "open" : null, "the appraisal to open");
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests", new { departments = new[] { "Sở Y tế" } }));
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions", api.Bus.Opinion("Sở Y tế")));
        await AppraisalDriver.Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/report", new { recommendation = "Approve" }));

        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await AppraisalDriver.Ok(decisionMaker.PostAsJsonAsync($"/decisions/{id}/approve", AppraisalDriver.Approval()));
    }
}
