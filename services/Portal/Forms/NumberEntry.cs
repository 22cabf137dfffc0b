using System.Globalization;
using System.Text.RegularExpressions;

namespace Aid.Portal.Forms;

/// <summary>What a typed number was read as: a value, or why it was refused (in the reader's language).</summary>
public sealed record NumberReading(decimal? Value, string? Error)
{
    public bool Ok => Value is not null;
}

/// <summary>
/// The one reader of typed amounts, exchange rates and percentages. Vietnamese writes 40.000,5 where English writes
/// 40,000.5, so a separator is read by the page's language; input that could mean two numbers (vi "40,000", en
/// "25.400") or that mixes the conventions is refused with a message showing how to write it, never guessed.
/// </summary>
public static partial class NumberEntry
{
    /// <summary>Separators of each language, fixed here rather than taken from ICU culture data.</summary>
    public static NumberFormatInfo FormatOf(CultureInfo culture) => culture.TwoLetterISOLanguageName == "vi" ? Vietnamese : English;

    private static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };
    private static readonly NumberFormatInfo English = new() { NumberGroupSeparator = ",", NumberDecimalSeparator = ".", NegativeSign = "-" };

    public static NumberReading Read(string? typed, CultureInfo culture, bool percent = false)
    {
        var vi = culture.TwoLetterISOLanguageName == "vi";
        string L(string v, string e) => vi ? v : e;
        var format = FormatOf(culture);
        char group = format.NumberGroupSeparator[0], point = format.NumberDecimalSeparator[0];

        // Spaces may group thousands (40 000): read as the language's group separator, so "1 5" is still refused.
        var text = Spaces().Replace((typed ?? "").Trim(), group.ToString());
        if (percent && text.EndsWith('%')) text = text[..^1];
        if (text.Length == 0)
            return new(null, L("Nhập một số.", "Enter a number."));
        if (text.StartsWith('-'))
            return new(null, L("Không nhập số âm.", "Enter a number that is not negative."));
        if (!DigitsAndSeparators().IsMatch(text))
            return new(null, L($"Chỉ nhập chữ số, dấu chấm và dấu phẩy, ví dụ {Example(vi)}.", $"Use digits, commas and points only, for example {Example(vi)}."));

        var points = text.Count(c => c == point);
        var groups = text.Count(c => c == group);
        if (points > 1 || (points == 1 && text.LastIndexOf(group) > text.IndexOf(point)))
            return new(null, L($"Viết theo kiểu Việt Nam: dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần thập phân, ví dụ {Example(true)}.",
                $"Write it the English way: commas between thousands, a point before decimals, for example {Example(false)}."));

        var whole = points == 1 ? text[..text.IndexOf(point)] : text;
        var fraction = points == 1 ? text[(text.IndexOf(point) + 1)..] : "";
        if (whole.Length == 0 || (points == 1 && fraction.Length == 0))
            return new(null, L($"Viết đủ phần nguyên và phần thập phân, ví dụ {Example(true)}.", $"Write both the whole and the decimal part, for example {Example(false)}."));

        // One decimal separator followed by exactly three digits, and no grouping: the other language's thousands.
        if (groups == 0 && points == 1 && fraction.Length == 3 && whole.Length <= 3 && whole[0] != '0')
        {
            var thousands = decimal.Parse(whole + fraction, CultureInfo.InvariantCulture);
            var small = decimal.Parse(whole + "." + fraction, CultureInfo.InvariantCulture);
            return new(null, L($"Không rõ \"{typed!.Trim()}\" là {Format(thousands, culture)} hay {Format(small, culture)}: viết {Format(thousands, culture)} cho {Format(thousands / 1000, culture)} nghìn, hoặc {Format(small, culture)} nếu là số thập phân.",
                $"\"{typed!.Trim()}\" could be {Format(thousands, culture)} or {Format(small, culture)}: write {Format(thousands, culture)} for {Format(thousands / 1000, culture)} thousand, or {Format(small, culture)} for the decimal."));
        }

        if (groups > 0 && !Grouped().IsMatch(whole.Replace(group, '_')))
            return new(null, L($"Dấu chấm ngăn cách từng nhóm ba chữ số; phần thập phân đứng sau dấu phẩy, ví dụ {Example(true)}.",
                $"Commas separate groups of three digits; decimals follow a point, for example {Example(false)}."));

        var invariant = whole.Replace(group.ToString(), "") + (fraction.Length > 0 ? "." + fraction : "");
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return new(null, L("Số quá lớn.", "The number is too large."));
        if (percent && value > 100)
            return new(null, L("Tỷ lệ phần trăm từ 0 đến 100.", "A percentage is between 0 and 100."));
        return new(value, null);
    }

    /// <summary>A value as the reader writes it: grouped thousands, decimals only where there are any.</summary>
    public static string Format(decimal value, CultureInfo culture) =>
        value.ToString("#,0.##########", FormatOf(culture));

    private static string Example(bool vi) => vi ? "40.000,5" : "40,000.5";

    [GeneratedRegex(@"[\s\u00A0\u202F]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[0-9.,]+$")]
    private static partial Regex DigitsAndSeparators();

    [GeneratedRegex(@"^[0-9]{1,3}(_[0-9]{3})*$")]
    private static partial Regex Grouped();
}
