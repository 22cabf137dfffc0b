using Aid.Contracts;
using Aid.Contracts.Monitoring;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.ServiceDefaults.Messaging;
using Xunit;

namespace Aid.UnitTests.Messaging;

public sealed class MessageTrustTests
{
    private static EventMetadata Metadata(string source) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, "security.officer", "CAT", "c", Guid.NewGuid().ToString(), source, 1);

    private static SecurityReviewConcluded Concluded(EventMetadata metadata) =>
        new(metadata, Guid.NewGuid(), "SNV-20260302-001", SecurityVerdict.Cleared, []);

    [Theory]
    [InlineData(typeof(DossierAccepted), "registration")]
    [InlineData(typeof(SecurityReviewConcluded), "security")]
    [InlineData(typeof(AidReceived), "monitoring")]
    [InlineData(typeof(Aid.Contracts.Appraisal.DossierDecided), "appraisal")]
    public void The_folder_of_a_contract_names_its_publisher(Type contract, string owner) =>
        Assert.Equal(owner, MessageTrust.OwnerOf(contract));

    [Fact]
    public void A_message_from_its_owner_that_another_event_caused_is_trusted() =>
        MessageTrust.ThrowIfUntrusted(Concluded(Metadata("security")));

    [Fact]
    public void A_message_from_another_service_is_refused_and_never_retried()
    {
        var refused = Assert.Throws<RefusedMessage>(() => MessageTrust.ThrowIfUntrusted(Concluded(Metadata("registration"))));
        Assert.Contains("only security publishes SecurityReviewConcluded", refused.Message);
        Assert.False(refused.MayArriveLater);
    }

    [Fact]
    public void A_message_that_is_its_own_cause_is_refused()
    {
        var metadata = Metadata("security");
        var refused = Assert.Throws<RefusedMessage>(() =>
            MessageTrust.ThrowIfUntrusted(Concluded(metadata with { CausationId = metadata.EventId.ToString() })));
        Assert.Contains("causation id is its own event id", refused.Message);
    }

    [Fact]
    public void A_message_older_than_the_last_recorded_step_beyond_the_clock_skew_breaks_the_rule()
    {
        var message = Concluded(Metadata("security"));
        var at = message.Metadata.OccurredAt;
        Assert.True(MessageTrust.NotOlderThan(message, null).Holds);
        Assert.True(MessageTrust.NotOlderThan(message, at + MessageTrust.ClockSkew).Holds);
        Assert.False(MessageTrust.NotOlderThan(message, at + MessageTrust.ClockSkew + TimeSpan.FromSeconds(1)).Holds);
    }

    [Fact]
    public void An_unknown_dossier_is_parked_and_retried_only_when_it_may_still_arrive()
    {
        var message = Concluded(Metadata("security"));
        Assert.Contains("is unknown here", RefusedMessage.Unknown(message, "dossier", message.DossierId).Message);
        Assert.True(RefusedMessage.Unknown(message, "dossier", message.DossierId, mayArriveLater: true).MayArriveLater);
    }
}
