using System.Net.Http.Json;
using Aid.IntegrationTests.AppraisalTests;
using Aid.IntegrationTests.Infrastructure;
using Xunit;
using Published = Aid.Contracts.Registration;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>What Registration publishes for reports: every registry change with the whole entry, every dossier received.</summary>
public sealed class PublishedRegistryTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);
    private readonly AppraisalDriver bus = new(system);

    [Fact]
    public async Task Each_registry_change_publishes_the_whole_entry_as_it_stands_after_it()
    {
        var changes = await bus.ListenAsync<Published.NgoRegistryChanged>();
        var ngoId = await api.RegisterNgoAsync();
        using var officer = api.As("intake.officer");
        await AppraisalDriver.Ok(officer.PostAsJsonAsync($"/ngos/{ngoId}/certificate/extend", new { newExpiryDate = "2099-12-31", newNumber = "456/BNG" }));
        await AppraisalDriver.Ok(officer.PostAsJsonAsync($"/ngos/{ngoId}/suspend", new { reason = "Không báo cáo" }));

        var registered = await AppraisalDriver.Received(changes, m => m.NgoId == ngoId && m.Change == Published.NgoRegistryChange.Registered, "Registered");
        Assert.Equal("Children's Relief Works", registered.Name);
        Assert.Equal("Germany", registered.Country);
        Assert.Equal("OperationRegistration", registered.CertificateKind);
        Assert.Equal(Published.NgoStanding.Active, registered.Standing);

        var suspended = await AppraisalDriver.Received(changes, m => m.NgoId == ngoId && m.Change == Published.NgoRegistryChange.Suspended, "Suspended");
        Assert.Equal(Published.NgoStanding.Suspended, suspended.Standing);
        Assert.Equal("456/BNG", suspended.CertificateNumber);
        Assert.Equal(new DateOnly(2099, 12, 31), suspended.CertificateExpiryDate);
        Assert.Equal(new DateOnly(2024, 1, 15), suspended.CertificateIssueDate);
        var extended = await AppraisalDriver.Received(changes, m => m.NgoId == ngoId && m.Change == Published.NgoRegistryChange.CertificateExtended, "Extended");
        Assert.Equal(Published.NgoStanding.Active, extended.Standing);
    }

    [Fact]
    public async Task A_submitted_dossier_is_published_as_received()
    {
        var received = await bus.ListenAsync<Published.DossierReceived>();
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);

        var message = await AppraisalDriver.Received(received, m => m.DossierId == receipt.DossierId, "DossierReceived");
        Assert.Equal(receipt.ReceiptCode, message.ReceiptCode);
        Assert.Equal(ngoId, message.NgoId);
        Assert.Equal("Project", message.AidKind);
        Assert.Equal(receipt.ReceiptDate, message.ReceiptDate);
        Assert.Equal(receipt.IntakeDueDate, message.IntakeDueDate);
        Assert.Equal(3_048_000_000m, message.AmountVnd);
        Assert.Equal(["Education", "Water"], message.Fields);
        Assert.Null(message.CatalogueEntryId);
    }
}
