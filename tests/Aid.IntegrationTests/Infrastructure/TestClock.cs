namespace Aid.IntegrationTests.Infrastructure;

/// <summary>Real time plus an offset the test can move forward (e.g. to make a stage overdue).</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + offset;

    public override TimeZoneInfo LocalTimeZone => Aid.Domain.Calendar.VietnamTime.Zone;

    public void Advance(TimeSpan by) => offset += by;
}
