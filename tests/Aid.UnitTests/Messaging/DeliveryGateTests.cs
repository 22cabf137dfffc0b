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
}
