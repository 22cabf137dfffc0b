namespace Aid.ServiceDefaults.Refusals;

/// <summary>Configuration section "Refusals".</summary>
public sealed class RefusalOptions
{
    /// <summary>Refusals are counted per actor per window of this many minutes.</summary>
    public int WindowMinutes { get; set; } = 60;
    /// <summary>An actor with at least this many refusals in the period viewed is flagged (and logged as a warning).</summary>
    public int AlertThreshold { get; set; } = 10;
    /// <summary>How often queued refusals are written.</summary>
    public int FlushMilliseconds { get; set; } = 1000;
    /// <summary>Refusals waiting to be written; beyond this they are only counted as dropped (and logged).</summary>
    public int QueueCapacity { get; set; } = 10_000;
    /// <summary>Distinct actors written per flush; the rest of a flood is folded into one "ip:(other)" tally.</summary>
    public int MaxActorsPerFlush { get; set; } = 500;
}
