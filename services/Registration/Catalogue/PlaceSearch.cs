using System.Globalization;
using System.Text;

namespace Aid.Registration.Catalogue;

/// <summary>Finding a commune or ward by part of its name, with or without Vietnamese diacritics ("tan phong" finds "Tân Phong").</summary>
public static class PlaceSearch
{
    public static bool Matches(string place, string query) =>
        query.Length == 0 || Fold(place).Contains(Fold(query), StringComparison.Ordinal);

    public static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(c);
        return string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
