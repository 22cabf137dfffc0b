using Aid.Contracts;
using Aid.Contracts.Registration;
using Aid.ServiceDefaults.Messaging;
using Xunit;

namespace Aid.UnitTests.Messaging;

public sealed class DeliveryGateTests
{
    private readonly DeliveryGate gate = new();

    [Fact]
    public async Task A_second_copy_of_an_event_waits_until_the_first_is_through()
    {
        var eventId = Guid.NewGuid();
        var first = await gate.EnterAsync(eventId, CancellationToken.None);
        var second = gate.EnterAsync(eventId, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Other_events_pass_meanwhile_and_the_gate_opens_again_after_use()
    {
        var eventId = Guid.NewGuid();
        using (await gate.EnterAsync(eventId, CancellationToken.None))
            (await gate.EnterAsync(Guid.NewGuid(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();

        (await gate.EnterAsync(eventId, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_copy_that_gives_up_waiting_leaves_the_gate_usable()
    {
        var eventId = Guid.NewGuid();
        var first = await gate.EnterAsync(eventId, CancellationToken.None);
        using var cancel = new CancellationTokenSource(50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(eventId, cancel.Token));

        first.Dispose();
        (await gate.EnterAsync(eventId, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task One_dossiers_events_take_turns_in_arrival_order_while_another_dossiers_pass()
    {
        var dossier = Guid.NewGuid();
        var accepted = Message(dossier);
        var concluded = Message(dossier);
        Assert.Equal(DeliveryGate.OrderKey(accepted), DeliveryGate.OrderKey(concluded));
        Assert.NotEqual(DeliveryGate.OrderKey(accepted), DeliveryGate.OrderKey(Message(Guid.NewGuid())));
        var plan = new MobilisationPlanAdopted(Metadata(), Guid.NewGuid(), 2026, []);
        Assert.Equal(plan.Metadata.EventId, DeliveryGate.OrderKey(plan));

        var first = await gate.EnterAsync(DeliveryGate.OrderKey(accepted), CancellationToken.None);
        var order = new List<int>();
        var second = Turn(concluded, 2);
        var third = Turn(Message(dossier), 3);
        (await gate.EnterAsync(DeliveryGate.OrderKey(Message(Guid.NewGuid())), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        await Task.Delay(50);
        Assert.Empty(order);

        first.Dispose();
        await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([2, 3], order);

        async Task Turn(Aid.Contracts.IIntegrationEvent message, int n)
        {
            using (await gate.EnterAsync(DeliveryGate.OrderKey(message), CancellationToken.None))
                lock (order) order.Add(n);
        }
    }

    private static DossierWithdrawn Message(Guid dossier) => new(Metadata(), dossier, "SNV-20261204-001", "reason");

    private static EventMetadata Metadata() =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, "officer", "SNV", null, null, "registration", 1);
}
