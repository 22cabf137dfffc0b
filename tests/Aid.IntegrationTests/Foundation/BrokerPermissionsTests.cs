using System.Text;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.Lifecycle;
using Aid.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Xunit;

namespace Aid.IntegrationTests.Foundation;

/// <summary>
/// Each service logs in to RabbitMQ as its own user with the permissions of deploy/broker-permissions: a dossier still
/// flows through every agency and an operator still re-drives a dead letter, while the broker itself refuses a
/// service that publishes another service's event or reads another service's queue.
/// </summary>
public sealed class BrokerPermissionsTests(BrokerPermissionsTests.OwnUsers system) : IClassFixture<BrokerPermissionsTests.OwnUsers>
{
    public sealed class OwnUsers : AidSystem
    {
        protected override bool OwnBrokerUsers => true;
    }

    private const string SecurityQueue = "security-open-review-when-dossier-accepted";

    private Uri RegistrationUser => new(system.ServiceRabbitMq["registration"]);

    [Fact]
    public async Task A_dossier_goes_through_every_agency_with_each_service_on_its_own_broker_user()
    {
        var journey = await new DossierJourney(system).RunAsync();
        Assert.NotEqual(Guid.Empty, journey.DossierId);
    }

    [Fact]
    public async Task Registration_may_not_publish_the_security_services_event()
    {
        var refusal = await RefusedAsync(RegistrationUser, channel => channel.BasicPublishAsync(
            "Aid.Contracts.Security:SecurityReviewConcluded", "", mandatory: false, new BasicProperties(), "{}"u8.ToArray()).AsTask());
        Assert.Equal(403, refusal.ReplyCode);
        Assert.StartsWith("ACCESS_REFUSED", refusal.ReplyText);
    }

    [Fact]
    public async Task Registration_may_not_send_into_a_security_queue_through_the_default_exchange()
    {
        var refusal = await RefusedAsync(RegistrationUser, channel => channel.BasicPublishAsync(
            "", SecurityQueue, mandatory: false, new BasicProperties(), "{}"u8.ToArray()).AsTask());
        Assert.Equal(403, refusal.ReplyCode);
    }

    [Theory]
    [InlineData(SecurityQueue)]
    [InlineData(SecurityQueue + BusQueues.ErrorSuffix)]
    public async Task Registration_may_not_read_a_security_queue(string queue)
    {
        var refusal = await RefusedAsync(RegistrationUser, channel => channel.BasicGetAsync(queue, autoAck: false));
        Assert.Equal(403, refusal.ReplyCode);
        Assert.StartsWith("ACCESS_REFUSED", refusal.ReplyText);
    }

    [Fact]
    public async Task A_service_re_drives_its_own_dead_letters_with_its_own_user()
    {
        var marker = Guid.NewGuid();
        await using (var admin = await new ConnectionFactory { Uri = system.RabbitMq }.CreateConnectionAsync())
        await using (var channel = await admin.CreateChannelAsync(new CreateChannelOptions(true, true)))
            await channel.BasicPublishAsync("", SecurityQueue, mandatory: true,
                new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = marker.ToString() },
                Encoding.UTF8.GetBytes("not json " + marker));
        var deadLetters = system.Security.Services.GetRequiredService<DeadLetters>();
        var error = SecurityQueue + BusQueues.ErrorSuffix;
        await LetterAsync(deadLetters, error, marker, redriven: 0);

        Assert.Equal(1, await deadLetters.RedriveAsync(error, marker.ToString(), CancellationToken.None));

        await LetterAsync(deadLetters, error, marker, redriven: 1);
    }

    /// <summary>The broker's reason for closing the channel on which <paramref name="act"/> was refused.</summary>
    private static async Task<ShutdownEventArgs> RefusedAsync(Uri user, Func<IChannel, Task> act)
    {
        await using var connection = await new ConnectionFactory { Uri = user }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await Assert.ThrowsAnyAsync<Exception>(() => act(channel));
        return await Eventually.Returns(() => Task.FromResult(channel.CloseReason), "the broker to close the channel");
    }

    private static Task<DeadLetters.Letter> LetterAsync(DeadLetters deadLetters, string queue, Guid marker, int redriven) =>
        Eventually.Returns(async () => (await deadLetters.ListAsync(100, CancellationToken.None))
            .Where(q => q.Queue == queue).SelectMany(q => q.Messages)
            .FirstOrDefault(l => l.MessageId == marker.ToString() && l.Redriven == redriven),
            $"message {marker} in {queue}, re-driven {redriven} times");
}
