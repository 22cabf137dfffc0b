using System.Collections.Concurrent;

namespace Aid.ServiceDefaults.Messaging;

/// <summary>
/// Lets one copy of an integration event at a time into this service's consumers. Consumers check "handled before?"
/// by reading first; two copies arriving together (a relay's republish after a crash, a broker's redelivery) could
/// both read "no", and the loser would then find the effect in place and be refused and parked. Behind the gate the
/// second copy reads "handled" and is acknowledged.
/// </summary>
public sealed class DeliveryGate
{
    private readonly ConcurrentDictionary<Guid, Entry> gates = new();

    public async Task<IDisposable> EnterAsync(Guid eventId, CancellationToken cancellationToken)
    {
        Entry entry;
        while (true)
        {
            entry = gates.GetOrAdd(eventId, _ => new Entry());
            lock (entry)
            {
                if (entry.Users >= 0)
                {
                    entry.Users++;
                    break;
                }
            }
        }
        try
        {
            await entry.Lock.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(eventId, entry);
            throw;
        }
        return new Passage(this, eventId, entry);
    }

    private void Leave(Guid eventId, Entry entry)
    {
        lock (entry)
        {
            if (--entry.Users > 0) return;
            entry.Users = -1; // retired: a late arrival makes a fresh entry
            gates.TryRemove(KeyValuePair.Create(eventId, entry));
        }
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public int Users;
    }

    private sealed class Passage(DeliveryGate gate, Guid eventId, Entry entry) : IDisposable
    {
        public void Dispose()
        {
            entry.Lock.Release();
            gate.Leave(eventId, entry);
        }
    }
}
