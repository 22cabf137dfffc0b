using System.Globalization;

namespace Aid.Portal;

/// <summary>What users read, in Vietnamese (default) and English, side by side where it is used.</summary>
public static class Texts
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string L(string vi, string en) => English ? en : vi;

    public static string Date(DateOnly? date) => date is { } d ? d.ToString(English ? "yyyy-MM-dd" : "dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    /// <summary>Times are shown in Vietnam time (UTC+7), which is where every user works.</summary>
    public static string Time(DateTimeOffset? at) => at is { } t
        ? t.ToOffset(TimeSpan.FromHours(7)).ToString(English ? "yyyy-MM-dd HH:mm" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " (GMT+7)"
        : "—";

    public static string Percent(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.CurrentCulture) : "—";
}
