namespace Aid.Registration;

/// <summary>Dates in this service are Vietnam local dates (Asia/Ho_Chi_Minh).</summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateOnly VietnamToday(this TimeProvider time) => time.GetUtcNow().VietnamDate();

    public static DateOnly VietnamDate(this DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}

/// <summary>The province this system serves (configuration section "Province").</summary>
public sealed class ProvinceOptions
{
    public string Code { get; set; } = "DNA";
    public string Name { get; set; } = "Đồng Nai";
}
