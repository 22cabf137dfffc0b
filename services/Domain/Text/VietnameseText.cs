using System.Globalization;
using System.Text;

namespace Aid.Domain.Text;

public static class VietnameseText
{
    /// <summary>Lower case without diacritics (đ as d), for searches and matches that users type either way.</summary>
    public static string WithoutDiacritics(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(c);
        return folded.ToString();
    }
}
