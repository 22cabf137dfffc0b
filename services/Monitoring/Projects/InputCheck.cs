using Aid.ServiceDefaults.Problems;

namespace Aid.Monitoring.Projects;

/// <summary>Collects every malformed field of a request, then refuses it in one answer (400 naming the fields).</summary>
public sealed class InputCheck
{
    public const int TitleLength = 500;
    public const int TextLength = 4000;

    public static readonly IReadOnlySet<string> Currencies = new HashSet<string>(
        ["VND", "USD", "EUR", "JPY", "GBP", "AUD", "CAD", "CHF", "KRW", "CNY", "SGD", "THB", "NZD", "SEK", "NOK", "DKK"]);

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    private readonly Dictionary<string, List<Bilingual>> errors = [];

    /// <summary>A one-line text (reason, note, name): no control characters at all.</summary>
    public InputCheck Line(string field, string? value, bool required = true, int maxLength = TitleLength) =>
        Text(field, value, required, maxLength, multiLine: false);

    /// <summary>A free text (summary, findings): line breaks and tabs allowed.</summary>
    public InputCheck Paragraphs(string field, string? value, bool required = true, int maxLength = TextLength) =>
        Text(field, value, required, maxLength, multiLine: true);

    public InputCheck Amount(string field, decimal? value)
    {
        if (value is null) return Missing(field);
        if (value <= 0 || value >= 1e15m)
            Add(field, "Số tiền phải lớn hơn 0 và nhỏ hơn 10^15.", "The amount must be greater than 0 and less than 10^15.");
        return this;
    }

    public InputCheck Currency(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Missing(field);
        if (!Currencies.Contains(value))
            Add(field, "Mã tiền tệ không được hỗ trợ (ISO 4217: " + string.Join(", ", Currencies) + ").",
                "Unknown currency code (ISO 4217: " + string.Join(", ", Currencies) + ").");
        return this;
    }

    public InputCheck Date(string field, DateOnly? value, bool required = true)
    {
        if (value is null) return required ? Missing(field) : this;
        if (value < Earliest || value > Latest)
            Add(field, "Ngày phải nằm trong khoảng 2000-01-01 đến 2100-12-31.", "The date must be between 2000-01-01 and 2100-12-31.");
        return this;
    }

    public InputCheck OneOf<TEnum>(string field, string? value, out TEnum parsed) where TEnum : struct, Enum
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(value)) return Missing(field);
        if (!Enum.GetNames<TEnum>().Contains(value) || !Enum.TryParse(value, out parsed))
            Add(field, "Giá trị phải là một trong: " + string.Join(", ", Enum.GetNames<TEnum>()) + ".",
                "The value must be one of: " + string.Join(", ", Enum.GetNames<TEnum>()) + ".");
        return this;
    }

    public InputCheck Names(string field, IReadOnlyList<string?>? values, int maxCount = 50)
    {
        if (values is null || values.Count == 0)
            return Add(field, "Cần ít nhất một người.", "At least one person is required.");
        if (values.Count > maxCount)
            return Add(field, $"Tối đa {maxCount} người.", $"At most {maxCount} people.");
        for (var i = 0; i < values.Count; i++)
            Line($"{field}[{i}]", values[i], maxLength: 200);
        return this;
    }

    public InputCheck Rule(bool holds, string field, string vi, string en) => holds ? this : Add(field, vi, en);

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
            throw new InputRejected(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private InputCheck Text(string field, string? value, bool required, int maxLength, bool multiLine)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? Missing(field) : this;
        if (value.Length > maxLength)
            Add(field, $"Tối đa {maxLength} ký tự.", $"At most {maxLength} characters.");
        if (value.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')))
            Add(field, "Không được chứa ký tự điều khiển.", "Control characters are not allowed.");
        if (!IsWellFormedUnicode(value))
            Add(field, "Chuỗi Unicode không hợp lệ.", "Invalid Unicode text.");
        return this;
    }

    private static bool IsWellFormedUnicode(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(value[i])) return false;
        }
        return true;
    }

    private InputCheck Missing(string field) => Add(field, "Trường này là bắt buộc.", "This field is required.");

    private InputCheck Add(string field, string vi, string en)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(new Bilingual(vi, en));
        return this;
    }
}
