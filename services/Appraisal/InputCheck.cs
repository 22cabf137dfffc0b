using Aid.ServiceDefaults.Problems;

namespace Aid.Appraisal;

/// <summary>Collects every invalid field of a command, then rejects them all at once (400 naming each field).</summary>
public sealed class InputCheck
{
    public const int ShortText = 500;
    public const int LongText = 4000;
    public const int MaxListItems = 50;
    private static readonly DateOnly EarliestDate = new(2000, 1, 1);
    private static readonly DateOnly LatestDate = new(2100, 12, 31);

    private readonly Dictionary<string, List<Bilingual>> errors = [];

    public InputCheck Text(string field, string? value, int maxLength = ShortText, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, new("Bắt buộc nhập.", "Required."));
            return this;
        }
        if (value.Length > maxLength)
            Add(field, new($"Dài quá {maxLength} ký tự.", $"Longer than {maxLength} characters."));
        // Line breaks are allowed in long texts only; other control characters never.
        if (value.Any(c => char.IsControl(c) && !(maxLength > ShortText && c is '\n' or '\r' or '\t')))
            Add(field, new("Chứa ký tự điều khiển.", "Contains control characters."));
        if (HasLoneSurrogate(value))
            Add(field, new("Chứa ký tự Unicode không hợp lệ.", "Contains invalid Unicode."));
        return this;
    }

    public InputCheck Texts(string field, IReadOnlyList<string?>? values, bool required, int maxItems = MaxListItems, int maxLength = ShortText)
    {
        if (values is null || values.Count == 0)
        {
            if (required) Add(field, new("Cần ít nhất một mục.", "At least one item is required."));
            return this;
        }
        if (values.Count > maxItems)
            Add(field, new($"Nhiều hơn {maxItems} mục.", $"More than {maxItems} items."));
        for (var i = 0; i < values.Count && i < maxItems; i++)
            Text($"{field}[{i}]", values[i], maxLength);
        if (values.Where(v => v is not null).GroupBy(v => v!.Trim(), StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            Add(field, new("Có mục bị trùng.", "Contains duplicates."));
        return this;
    }

    public InputCheck Date(string field, DateOnly? value, DateOnly? notAfter = null)
    {
        if (value is not { } date)
            Add(field, new("Bắt buộc nhập ngày (yyyy-MM-dd).", "A date (yyyy-MM-dd) is required."));
        else if (date < EarliestDate || date > LatestDate)
            Add(field, new("Ngày phải trong khoảng 2000-01-01 đến 2100-12-31.", "The date must be between 2000-01-01 and 2100-12-31."));
        else if (notAfter is { } latest && date > latest)
            Add(field, new("Ngày không được sau ngày hôm nay.", "The date cannot be later than today."));
        return this;
    }

    public InputCheck OneOf<TEnum>(string field, string? value, out TEnum parsed) where TEnum : struct, Enum
    {
        parsed = default;
        var names = string.Join(" | ", Enum.GetNames<TEnum>());
        if (string.IsNullOrWhiteSpace(value))
            Add(field, new($"Bắt buộc chọn một trong: {names}.", $"Required, one of: {names}."));
        else if (!Enum.GetNames<TEnum>().Contains(value) || !Enum.TryParse(value, out parsed))
            Add(field, new($"Giá trị không hợp lệ; chọn một trong: {names}.", $"Unknown value; one of: {names}."));
        return this;
    }

    public InputCheck Rule(bool holds, string field, Bilingual message)
    {
        if (!holds) Add(field, message);
        return this;
    }

    public bool IsValid(string field) => !errors.ContainsKey(field);

    public void ThrowIfInvalid()
    {
        if (errors.Count > 0)
            throw new InputRejected(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private void Add(string field, Bilingual message)
    {
        if (!errors.TryGetValue(field, out var list))
            errors[field] = list = [];
        list.Add(message);
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(value[i])) return true;
        }
        return false;
    }
}
