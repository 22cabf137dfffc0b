using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.ServiceDefaults.Messaging;
using Xunit;

namespace Aid.UnitTests.Messaging;

public sealed class IntegrationEventRulesTests
{
    private static readonly EventMetadata Metadata = new(Guid.NewGuid(), DateTimeOffset.UtcNow, "intake.officer", "SNV", null, null, "registration", 1);

    private static DossierAccepted Accepted() => new(Metadata, Guid.NewGuid(), "SNV-20260302-001", Guid.NewGuid(), "Project", []);

    [Fact]
    public void A_complete_event_breaks_no_rule_and_missing_collections_count_as_empty()
    {
        Assert.Empty(IntegrationEventRules.Broken(Accepted()));
        Assert.Empty(IntegrationEventRules.Broken(Accepted() with { Fields = null!, SensitiveAreas = null! }));
        Assert.Empty(IntegrationEventRules.Broken(new DossierDecided(Metadata, Guid.NewGuid(), "R-1", DecisionOutcome.Refused)));
    }

    [Fact]
    public void Each_broken_rule_is_named()
    {
        Assert.Equal(["Metadata.EventId is required"],
            IntegrationEventRules.Broken(Accepted() with { Metadata = Metadata with { EventId = Guid.Empty } }));
        Assert.Equal(["DossierId is required", "NgoId is required"],
            IntegrationEventRules.Broken(Accepted() with { DossierId = Guid.Empty, NgoId = Guid.Empty }));
        Assert.Equal(["AidKind is required"], IntegrationEventRules.Broken(Accepted() with { AidKind = null! }));
        Assert.Equal(["ReceiptCode is required (at most 100 characters)"],
            IntegrationEventRules.Broken(Accepted() with { ReceiptCode = new string('9', 101) }));
        Assert.Equal(["AmountVnd must not be negative"], IntegrationEventRules.Broken(Accepted() with { AmountVnd = -1 }));
        Assert.Equal(["EndDate is before StartDate"], IntegrationEventRules.Broken(
            Accepted() with { StartDate = new DateOnly(2027, 1, 1), EndDate = new DateOnly(2026, 1, 1) }));
        Assert.Equal(["Title is longer than 4000 characters"], IntegrationEventRules.Broken(Accepted() with { Title = new string('t', 4001) }));
        Assert.Equal(["Verdict has an unknown value 99"], IntegrationEventRules.Broken(
            new SecurityReviewConcluded(Metadata, Guid.NewGuid(), "R-1", (SecurityVerdict)99, [])));
    }

    [Fact]
    public void An_invalid_message_names_its_type_and_every_broken_rule()
    {
        var error = Assert.Throws<InvalidMessage>(() => InvalidMessage.ThrowIfInvalid(
            Accepted() with { DossierId = Guid.Empty }, (false, "consumer rule")));
        Assert.Equal("DossierAccepted rejected: DossierId is required; consumer rule", error.Message);
    }
}
