using System.Collections.Concurrent;
using Aid.Domain.Rules;
using Microsoft.Extensions.Options;

namespace Aid.Registration.Dossiers;

/// <summary>Limits of the anonymous public lookup (configuration "PublicLookup").</summary>
public sealed class PublicLookupOptions
{
    /// <summary>Lookups a minute from one client (its address, or the user's behind a trusted proxy such as the portal).</summary>
    public int PermitsPerMinute { get; set; } = 10;
    /// <summary>Wrong secrets for one receipt code within <see cref="WindowMinutes"/> that lock the code.</summary>
    public int WrongSecretsBeforeLock { get; set; } = 5;
    public int WindowMinutes { get; set; } = 15;
    public int LockMinutes { get; set; } = 15;
}

/// <summary>
/// Per receipt code: after too many wrong secrets the code is locked for a while, whoever asks and from wherever, and
/// even the right secret answers "try later" (otherwise guessing from many addresses would still find it). Codes that
/// do not exist are counted the same, so a lock says nothing about whether a code exists. Kept in memory: several
/// instances of the service each count their own share.
/// </summary>
public sealed class LookupLockout(TimeProvider clock, IOptions<PublicLookupOptions> options)
{
    private const int MaxTrackedCodes = 100_000;
    private readonly ConcurrentDictionary<string, Failures> codes = new(StringComparer.Ordinal);
    private PublicLookupOptions Limits => options.Value;

    private static RuleViolation Locked() => new("lookup-locked", new Bilingual(
        "Mã biên nhận này tạm thời bị khóa tra cứu vì mã tra cứu bị nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.",
        "This receipt code is locked for a while because its lookup secret was entered wrongly too often. Please try again in 15 minutes."),
        429);

    public void ThrowIfLocked(string code)
    {
        if (codes.TryGetValue(code, out var failures) && failures.LockedAt(clock.GetUtcNow()))
            throw Locked();
    }

    public void WrongSecret(string code)
    {
        var now = clock.GetUtcNow();
        if (codes.Count >= MaxTrackedCodes)
            foreach (var (key, stale) in codes)
                if (stale.Idle(now, TimeSpan.FromMinutes(Math.Max(Limits.WindowMinutes, Limits.LockMinutes))))
                    codes.TryRemove(key, out _);
        codes.GetOrAdd(code, _ => new Failures()).Add(now, Limits);
    }

    public void RightSecret(string code) => codes.TryRemove(code, out _);

    private sealed class Failures
    {
        private readonly Queue<DateTimeOffset> recent = new();
        private DateTimeOffset lockedUntil = DateTimeOffset.MinValue;

        public bool LockedAt(DateTimeOffset now)
        {
            lock (recent) return now < lockedUntil;
        }

        public bool Idle(DateTimeOffset now, TimeSpan after)
        {
            lock (recent) return now >= lockedUntil && (recent.Count == 0 || now - recent.Last() > after);
        }

        public void Add(DateTimeOffset now, PublicLookupOptions limits)
        {
            lock (recent)
            {
                while (recent.Count > 0 && now - recent.Peek() > TimeSpan.FromMinutes(limits.WindowMinutes))
                    recent.Dequeue();
                recent.Enqueue(now);
                if (recent.Count < limits.WrongSecretsBeforeLock) return;
                lockedUntil = now + TimeSpan.FromMinutes(limits.LockMinutes);
                recent.Clear();
            }
        }
    }
}
