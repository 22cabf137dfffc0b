using System.Collections.Concurrent;

namespace Aid.ServiceDefaults.Messaging;

/// <summary>
/// Lets one event per key at a time into this service's consumers, the waiting ones in the order they came
/// (<see cref="OrderKey"/>: one dossier's events, otherwise the copies of one event). Consumers run concurrently for
/// different dossiers, and one dossier's hand-overs in order, without a consumer that takes one message at a time.
/// Consumers check "handled before?" by reading first; two copies arriving together (a relay's republish after a
/// crash, a broker's redelivery) could both read "no", and the loser would then find the effect in place and be
/// refused and parked. Behind the gate the second copy reads "handled" and is acknowledged.
/// </summary>
public sealed class DeliveryGate
{
    public static Guid OrderKey(Aid.Contracts.IIntegrationEvent message) =>
        message is Aid.Contracts.IDossierEvent about ? about.DossierId : message.Metadata.EventId;

    private readonly ConcurrentDictionary<Guid, Entry> gates = new();

    public async Task<IDisposable> EnterAsync(Guid key, CancellationToken cancellationToken)
    {
        Entry entry;
        while (true)
        {
            entry = gates.GetOrAdd(key, _ => new Entry());
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
            Leave(key, entry);
            throw;
        }
        return new Passage(this, key, entry);
    }

    private void Leave(Guid key, Entry entry)
    {
        lock (entry)
        {
            if (--entry.Users > 0) return;
            entry.Users = -1; // retired: a late arrival makes a fresh entry
            gates.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public int Users;
    }

    private sealed class Passage(DeliveryGate gate, Guid key, Entry entry) : IDisposable
    {
        public void Dispose()
        {
            entry.Lock.Release();
            gate.Leave(key, entry);
        }
    }
}
