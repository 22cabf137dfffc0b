namespace Aid.ServiceDefaults.Refusals;

/// <summary>
/// The refusals of one actor in one time window (a Marten document, one per actor per window), so that a flood of
/// refused requests adds to a counter instead of writing a row each.
/// </summary>
public sealed class RefusalTally
{
    /// <summary>"{window start, UTC, yyyyMMddHHmm}|{actor key}".</summary>
    public string Id { get; set; } = "";
    public DateTimeOffset WindowStart { get; set; }
    public string ActorKey { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Role { get; set; } = "";
    public string Agency { get; set; } = "";
    public Guid? NgoId { get; set; }
    public string? RemoteIp { get; set; }
    public int Count { get; set; }
    public Dictionary<string, int> ByKind { get; set; } = [];
    public DateTimeOffset FirstAt { get; set; }
    public DateTimeOffset LastAt { get; set; }
    public string LastRequest { get; set; } = "";

    public static string IdOf(DateTimeOffset windowStart, string actorKey) => $"{windowStart.UtcDateTime:yyyyMMddHHmm}|{actorKey}";

    public void Add(Refusal refusal)
    {
        if (Count == 0) FirstAt = refusal.At;
        Count++;
        ByKind[refusal.Kind] = ByKind.GetValueOrDefault(refusal.Kind) + 1;
        if (refusal.At >= LastAt)
        {
            LastAt = refusal.At;
            LastRequest = $"{refusal.Method} {refusal.Path}";
            Role = refusal.Role;
            Agency = refusal.Agency;
            NgoId = refusal.NgoId;
            RemoteIp = refusal.RemoteIp;
        }
    }
}
