namespace Aid.Security;

/// <summary>Deadlines are counted in Vietnam local dates (Asia/Ho_Chi_Minh), whatever the server's time zone.</summary>
public static class VietnamDate
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateOnly Of(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateOnly Today(this TimeProvider clock) => Of(clock.GetUtcNow());
}
