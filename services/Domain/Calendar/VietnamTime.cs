namespace Aid.Domain.Calendar;

/// <summary>
/// Deadlines, report periods and receipts use Vietnam local dates (Asia/Ho_Chi_Minh), whatever the server's time zone.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateOnly VietnamToday(this TimeProvider time) => time.GetUtcNow().VietnamDate();

    public static DateOnly VietnamDate(this DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

}
