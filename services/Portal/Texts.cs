using System.Globalization;
using Aid.Domain.Calendar;

namespace Aid.Portal;

/// <summary>What users read, in Vietnamese (default) and English, side by side where it is used.</summary>
public static class Texts
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string L(string vi, string en) => English ? en : vi;

    /// <summary>04/12/2026 (vi), 4 Dec 2026 (en).</summary>
    public static string Date(DateOnly? date) =>
        date is { } d ? d.ToString(English ? "d MMM yyyy" : "dd/MM/yyyy", English ? British : CultureInfo.InvariantCulture) : "—";

    /// <summary>Times are shown in Vietnam time, which is where every user works: 04/12/2026 14:05 (vi), 4 Dec 2026 14:05 (en).</summary>
    public static string Time(DateTimeOffset? at) => at is { } t
        ? $"{Date(DateOnly.FromDateTime(Vietnam(t).DateTime))} {Vietnam(t).ToString("HH:mm", CultureInfo.InvariantCulture)}"
        : "—";

    public static DateTimeOffset Vietnam(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, VietnamTime.Zone);

    /// <summary>Grouped thousands, decimals only when there are any: 1.016.000.000 or 40.000,5 (vi); 1,016,000,000 or 40,000.5 (en).</summary>
    public static string Number(decimal? value) => value is { } v ? Forms.NumberEntry.Format(v, CultureInfo.CurrentUICulture) : "—";

    /// <summary>An amount with its currency's ISO code after it: "40.000 USD", "1.016.000.000 VND".</summary>
    public static string Money(decimal? amount, string? currency) =>
        amount is null ? "—" : $"{Number(amount)} {(string.IsNullOrWhiteSpace(currency) ? "VND" : currency.Trim().ToUpperInvariant())}";

    public static string Vnd(decimal? amount) => Money(amount, "VND");

    public static string Percent(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.CurrentCulture) : "—";
}
