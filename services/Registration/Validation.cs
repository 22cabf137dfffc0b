using System.Buffers;
using System.Text;
using Aid.ServiceDefaults.Problems;

namespace Aid.Registration;

/// <summary>
/// Collects every invalid field of a request, then refuses it in one go (400 naming the fields, Vietnamese first).
/// </summary>
public sealed class InputCheck
{
    public const int TitleLength = 500;
    public const int TextLength = 4000;
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public static readonly IReadOnlySet<string> Currencies = new HashSet<string>
    {
        "VND", "USD", "EUR", "JPY", "GBP", "AUD", "CAD", "CHF", "KRW", "CNY", "SGD", "THB", "NZD", "SEK", "NOK", "DKK",
    };

    private readonly Dictionary<string, List<Bilingual>> errors = new();

    public bool HasErrors => errors.Count > 0;

    public void Fail(string field, string vi, string en)
    {
        if (!errors.TryGetValue(field, out var list))
            errors[field] = list = [];
        list.Add(new Bilingual(vi, en));
    }

    /// <summary>A text field: required unless said otherwise, at most <paramref name="max"/> characters, no
    /// control characters (line breaks allowed in multi-line texts), valid Unicode. Returns the trimmed text.</summary>
    public string Text(string field, string? value, int max = TitleLength, bool required = true, bool multiLine = false)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (required) Fail(field, "Bắt buộc nhập.", "Required.");
            return "";
        }
        if (text.Length > max)
            Fail(field, $"Tối đa {max} ký tự.", $"At most {max} characters.");
        if (text.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')))
            Fail(field, "Không được chứa ký tự điều khiển.", "Must not contain control characters.");
        if (!IsValidUnicode(text))
            Fail(field, "Chuỗi Unicode không hợp lệ.", "Invalid Unicode text.");
        return text;
    }

    public IReadOnlyList<string> Texts(string field, IReadOnlyList<string?>? values, int maxItems, int maxLength = TitleLength, bool required = true)
    {
        if (values is null || values.Count == 0)
        {
            if (required) Fail(field, "Cần ít nhất một mục.", "At least one item is required.");
            return [];
        }
        if (values.Count > maxItems)
            Fail(field, $"Tối đa {maxItems} mục.", $"At most {maxItems} items.");
        return values.Select((v, i) => Text($"{field}[{i}]", v, maxLength)).Distinct().ToList();
    }

    public decimal Amount(string field, decimal? value, bool required = true, bool allowZero = false)
    {
        if (value is not { } amount)
        {
            if (required) Fail(field, "Bắt buộc nhập.", "Required.");
            return 0;
        }
        if (amount < 0 || (!allowZero && amount == 0))
            Fail(field, allowZero ? "Không được âm." : "Phải lớn hơn 0.", allowZero ? "Must not be negative." : "Must be greater than 0.");
        if (amount >= 1e15m)
            Fail(field, "Số tiền vượt quá giới hạn (1e15).", "Amount exceeds the limit (1e15).");
        return amount;
    }

    public string Currency(string field, string? value)
    {
        var code = value?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0) Fail(field, "Bắt buộc nhập.", "Required.");
        else if (!Currencies.Contains(code))
            Fail(field, "Mã tiền tệ không được hỗ trợ.", "Unknown currency code (ISO 4217).");
        return code;
    }

    public DateOnly Date(string field, DateOnly? value)
    {
        if (value is not { } date)
        {
            Fail(field, "Bắt buộc nhập.", "Required.");
            return default;
        }
        if (date < EarliestDate || date > LatestDate)
            Fail(field, "Ngày phải trong khoảng 2000-01-01 đến 2100-12-31.", "Date must be between 2000-01-01 and 2100-12-31.");
        return date;
    }

    public T Required<T>(string field, T? value) where T : struct
    {
        if (value is null) Fail(field, "Bắt buộc nhập.", "Required.");
        return value ?? default;
    }

    public void ThrowIfInvalid()
    {
        if (HasErrors)
            throw new InputRejected(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static bool IsValidUnicode(string text)
    {
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out _, out var consumed) != OperationStatus.Done)
                return false;
            span = span[consumed..];
        }
        return true;
    }
}
