using Aid.Contracts.Security;
using Aid.Contracts;
using Aid.IntegrationTests.Infrastructure;
using Aid.Security.Reviews;
using Aid.ServiceDefaults;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Published = Aid.Contracts.Registration;
using RegistrationEvents = Aid.Registration.Dossiers;

namespace Aid.IntegrationTests.Foundation;

/// <summary>
/// The wiring, for real: an event appended in Registration's Marten store leaves through the Marten subscription,
/// crosses RabbitMQ, and the Security service's consumer records its effect in Security's own store.
/// </summary>
public sealed class EventsCrossServicesTests(AidSystem system) : IClassFixture<AidSystem>
{
    [Fact]
    public async Task Dossier_accepted_in_registration_opens_a_security_review_in_security()
    {
        var dossierId = Guid.NewGuid();
        var ngoId = Guid.NewGuid();
        await using (var session = AidSystem.StoreOf(system.Registration).LightweightSession())
        {
            session.LastModifiedBy = "intake.officer";
            session.CorrelationId = "corr-" + dossierId;
            session.SetHeader(EventHeaders.Agency, "SNV");
            session.Events.StartStream(dossierId, new RegistrationEvents.DossierAccepted(
                dossierId, "SNV-20261123-001", ngoId, "Project", ["Religion"], DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var review = await Eventually.Returns(async () =>
        {
            await using var query = AidSystem.StoreOf(system.Security).QuerySession();
            return await query.LoadAsync<SecurityReview>(dossierId);
        }, "the security review to open");

        Assert.Equal("SNV-20261123-001", review.ReceiptCode);
        Assert.Equal(ReviewTrack.Full, review.Track);

        await using var events = AidSystem.StoreOf(system.Security).QuerySession();
        var opened = Assert.Single(await events.Events.FetchStreamAsync(dossierId));
        Assert.Equal("corr-" + dossierId, opened.CorrelationId);
        Assert.Equal("system", opened.UserName);
        Assert.NotNull(opened.CausationId);
    }

    [Fact]
    public async Task A_redelivered_integration_event_changes_nothing()
    {
        var dossierId = Guid.NewGuid();
        var message = new Published.DossierAccepted(
            new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow, "intake.officer", "SNV", "c1", null, "registration", 1),
            dossierId, "SNV-20261123-002", Guid.NewGuid(), "Project", []);
        var bus = system.Registration.Services.GetRequiredService<IBus>();

        await bus.Publish(message);
        await Eventually.Returns(async () =>
        {
            await using var query = AidSystem.StoreOf(system.Security).QuerySession();
            return await query.LoadAsync<SecurityReview>(dossierId);
        }, "the first delivery to be handled");

        await bus.Publish(message);
        await bus.Publish(message);
        var marker = Guid.NewGuid();
        await bus.Publish(message with { DossierId = marker, Metadata = message.Metadata with { EventId = Guid.NewGuid() } });
        // The queue is ordered: once a later message is handled, the duplicates before it were too.
        await Eventually.Returns(async () =>
        {
            await using var query = AidSystem.StoreOf(system.Security).QuerySession();
            return await query.LoadAsync<SecurityReview>(marker);
        }, "the marker message to be handled");

        await using var events = AidSystem.StoreOf(system.Security).QuerySession();
        Assert.Single(await events.Events.FetchStreamAsync(dossierId));
        Assert.Equal(ReviewTrack.Standard, (await events.LoadAsync<SecurityReview>(dossierId))!.Track);
    }
}
