using System.Globalization;
using Aid.ServiceDefaults.Problems;

namespace Aid.Security.Reviews;

/// <summary>Collects every invalid field of a request, then rejects it at once (400 naming each field).</summary>
public sealed class InputCheck
{
    public const int LineMax = 500;
    public const int TextMax = 4000;
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    private readonly Dictionary<string, List<Bilingual>> errors = [];

    public void Fail(string field, string vi, string en)
    {
        if (!errors.TryGetValue(field, out var list))
            errors[field] = list = [];
        list.Add(new Bilingual(vi, en));
    }

    /// <summary>A required text of at most <paramref name="max"/> characters; line breaks only when multiline.</summary>
    public string? Text(string field, string? value, int max, bool multiline = false, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Fail(field, "Trường này là bắt buộc.", "This field is required.");
            return null;
        }
        var ok = true;
        if (value.Length > max)
        {
            Fail(field, $"Tối đa {max} ký tự.", $"At most {max} characters.");
            ok = false;
        }
        if (value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            Fail(field, "Không được chứa ký tự điều khiển.", "Control characters are not allowed.");
            ok = false;
        }
        if (!IsWellFormedUnicode(value))
        {
            Fail(field, "Chuỗi Unicode không hợp lệ.", "Invalid Unicode text.");
            ok = false;
        }
        return ok ? value.Trim() : null;
    }

    public TEnum? Enum<TEnum>(string field, string? value) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "Trường này là bắt buộc.", "This field is required.");
            return null;
        }
        // Names only: numbers ("1", "99") are not accepted as enum values.
        if (!value.All(char.IsLetter) || !System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed))
        {
            Fail(field, "Giá trị không hợp lệ. Cho phép: " + string.Join(", ", System.Enum.GetNames<TEnum>()),
                "Unknown value. Allowed: " + string.Join(", ", System.Enum.GetNames<TEnum>()));
            return null;
        }
        return parsed;
    }

    public DateOnly? Date(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "Trường này là bắt buộc (yyyy-MM-dd).", "This field is required (yyyy-MM-dd).");
            return null;
        }
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Fail(field, "Ngày không đúng định dạng yyyy-MM-dd.", "Not a date in the yyyy-MM-dd format.");
            return null;
        }
        if (date < Earliest || date > Latest)
        {
            Fail(field, "Ngày phải từ 2000-01-01 đến 2100-12-31.", "The date must be between 2000-01-01 and 2100-12-31.");
            return null;
        }
        return date;
    }

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
            throw new InputRejected(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static bool IsWellFormedUnicode(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(value[i]) || value[i] == '\uFFFD') return false;
        }
        return true;
    }
}
