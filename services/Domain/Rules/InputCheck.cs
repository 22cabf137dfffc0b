using System.Globalization;

namespace Aid.Domain.Rules;

/// <summary>
/// Collects every invalid field of a request, then refuses it in one answer (400 naming each field, in Vietnamese and
/// English). Texts come back trimmed ("" when missing); what is wrong is named, never silently repaired.
/// </summary>
public sealed class InputCheck
{
    public const int LineLength = 500;
    public const int TextLength = 4000;
    public const int ListItems = 50;
    public const decimal AmountLimit = 1e15m;
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>The ISO 4217 codes accepted, upper case as the standard writes them.</summary>
    public static readonly IReadOnlySet<string> Currencies = new HashSet<string>(StringComparer.Ordinal)
    {
        "VND", "USD", "EUR", "JPY", "GBP", "AUD", "CAD", "CHF", "KRW", "CNY", "SGD", "THB", "NZD", "SEK", "NOK", "DKK",
    };

    private readonly Dictionary<string, List<Bilingual>> errors = [];

    public bool HasErrors => errors.Count > 0;

    public bool IsValid(string field) => !errors.ContainsKey(field);

    /// <summary>Runs <paramref name="checks"/>, refuses the request if any failed, else returns what they returned.</summary>
    public static T Validated<T>(Func<InputCheck, T> checks)
    {
        var check = new InputCheck();
        var result = checks(check);
        check.ThrowIfInvalid();
        return result;
    }

    public InputCheck Fail(string field, string vi, string en)
    {
        if (!errors.TryGetValue(field, out var list))
            errors[field] = list = [];
        list.Add(new Bilingual(vi, en));
        return this;
    }

    public InputCheck Rule(bool holds, string field, string vi, string en) => holds ? this : Fail(field, vi, en);

    public void ThrowIfInvalid()
    {
        if (HasErrors)
            throw new InputRejected(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    /// <summary>A one-line text (name, number, reason): no control characters at all.</summary>
    public string Line(string field, string? value, int max = LineLength, bool required = true) =>
        Text(field, value, max, required, multiLine: false);

    /// <summary>A free text (summary, findings): line breaks and tabs allowed, other control characters not.</summary>
    public string Paragraphs(string field, string? value, int max = TextLength, bool required = true) =>
        Text(field, value, max, required, multiLine: true);

    /// <summary>An optional text as checked: null when it was left out.</summary>
    public static string? Optional(string text) => text.Length > 0 ? text : null;

    /// <summary>
    /// A list of one-line texts, each checked as <c>field[i]</c>. Returned trimmed, repeats left out; with
    /// <paramref name="unique"/> a repeat (ignoring case) is refused instead.
    /// </summary>
    public IReadOnlyList<string> Lines(string field, IReadOnlyList<string?>? values, int maxItems = ListItems,
        int max = LineLength, bool required = true, bool unique = false)
    {
        if (values is null || values.Count == 0)
        {
            if (required) Fail(field, "Cần ít nhất một mục.", "At least one item is required.");
            return [];
        }
        if (values.Count > maxItems)
            Fail(field, $"Tối đa {maxItems} mục.", $"At most {maxItems} items.");
        var lines = values.Take(maxItems).Select((v, i) => Line($"{field}[{i}]", v, max)).ToList();
        if (unique && lines.Where(l => l.Length > 0).GroupBy(l => l, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            Fail(field, "Có mục bị trùng.", "Contains duplicates.");
        return lines.Distinct().ToList();
    }

    /// <summary>A date from 2000-01-01 to 2100-12-31, at the latest <paramref name="notAfter"/>; null when missing.</summary>
    public DateOnly? Date(string field, DateOnly? value, bool required = true, DateOnly? notAfter = null)
    {
        if (value is not { } date)
        {
            if (required) Fail(field, "Trường này là bắt buộc (yyyy-MM-dd).", "This field is required (yyyy-MM-dd).");
            return null;
        }
        if (date < EarliestDate || date > LatestDate)
            Fail(field, "Ngày phải từ 2000-01-01 đến 2100-12-31.", "The date must be between 2000-01-01 and 2100-12-31.");
        else if (date > notAfter)
            Fail(field, "Ngày không được sau ngày hôm nay.", "The date cannot be later than today.");
        return date;
    }

    /// <summary>A date written yyyy-MM-dd (a query parameter); null when missing or not such a date.</summary>
    public DateOnly? Date(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Date(field, (DateOnly?)null, required);
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Date(field, date);
        Fail(field, "Ngày không đúng định dạng yyyy-MM-dd.", "Not a date in the yyyy-MM-dd format.");
        return null;
    }

    /// <summary>The name of a <typeparamref name="TEnum"/> value, in any case; numbers ("1") and lists are refused.</summary>
    public TEnum? OneOf<TEnum>(string field, string? value, bool required = true) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Missing(field);
            return null;
        }
        var names = Enum.GetNames<TEnum>();
        if (names.FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name)
            return Enum.Parse<TEnum>(name);
        Fail(field, $"Giá trị không hợp lệ; chọn một trong: {string.Join(", ", names)}.",
            $"Unknown value; one of: {string.Join(", ", names)}.");
        return null;
    }

    /// <summary>A sum of money: more than 0 (or at least 0) and less than 10^15.</summary>
    public decimal Amount(string field, decimal? value, bool allowZero = false)
    {
        if (value is not { } amount)
        {
            Missing(field);
            return 0;
        }
        if (amount < 0 || (!allowZero && amount == 0))
            Fail(field, allowZero ? "Không được âm." : "Phải lớn hơn 0.", allowZero ? "Must not be negative." : "Must be greater than 0.");
        if (amount >= AmountLimit)
            Fail(field, "Số tiền phải nhỏ hơn 10^15.", "The amount must be less than 10^15.");
        return amount;
    }

    public string Currency(string field, string? value)
    {
        var code = value?.Trim() ?? "";
        if (code.Length == 0)
            Missing(field);
        else if (!Currencies.Contains(code))
            Fail(field, $"Mã tiền tệ không được hỗ trợ (ISO 4217: {string.Join(", ", Currencies)}).",
                $"Unknown currency code (ISO 4217: {string.Join(", ", Currencies)}).");
        return code;
    }

    public T Required<T>(string field, T? value) where T : struct
    {
        if (value is null) Missing(field);
        return value ?? default;
    }

    private string Text(string field, string? value, int max, bool required, bool multiLine)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (required) Missing(field);
            return "";
        }
        if (text.Length > max)
            Fail(field, $"Tối đa {max} ký tự.", $"At most {max} characters.");
        if (text.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')))
            Fail(field, "Không được chứa ký tự điều khiển.", "Control characters are not allowed.");
        if (!IsWellFormed(text))
            Fail(field, "Chuỗi Unicode không hợp lệ.", "Invalid Unicode text.");
        if (text.Any(IsBidiControl))
            Fail(field, "Không được chứa ký tự đảo chiều văn bản (có thể dùng để giả mạo tên).",
                "Text-direction control characters are not allowed (they can disguise a name).");
        return text;
    }

    /// <summary>Embeddings, overrides and isolates (U+202A–202E, U+2066–2069): "\u202Efdp.exe" shows as "exe.pdf".</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>The last part of a file name as a browser or a tool sent it, whatever its separators: "..\..\a.pdf" is "a.pdf".</summary>
    public static string SafeFileName(string? name)
    {
        var last = (name ?? "").Split('/', '\\').Last().Trim().TrimStart('.');
        return last.Length > 0 ? last : "document";
    }

    /// <summary>No lone surrogate, and no U+FFFD (the mark of text already damaged on its way in).</summary>
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i]) || text[i] == '\uFFFD') return false;
        }
        return true;
    }

    private void Missing(string field) => Fail(field, "Trường này là bắt buộc.", "This field is required.");
}
