namespace Aid.Appraisal.Deadlines;

/// <summary>Dates are Vietnam local dates, whatever the server's time zone.</summary>
public static class VietnamClock
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);
}
