using Aid.Appraisal.Appraisals;

namespace Aid.Appraisal.Decisions;

/// <summary>
/// Aid the Prime Minister decides, not UBND tỉnh: aid touching religion or national defence / border areas, or
/// security or defence aid (the aid kind or a field of the dossier names defence or security).
/// </summary>
public static class PrimeMinisterMatter
{
    public static readonly IReadOnlyList<string> SensitiveAreas = ["Religion", "DefenceBorder"];

    private static readonly string[] SecurityWords = ["defence", "defense", "security", "military", "quốc phòng", "an ninh", "quân sự"];

    /// <summary>Why the dossier falls to the Prime Minister, or null when UBND tỉnh decides it.</summary>
    public static string? Grounds(DossierSummary summary)
    {
        var areas = summary.SensitiveAreas.Where(a => SensitiveAreas.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
        if (areas.Count > 0)
            return "Sensitive area: " + string.Join(", ", areas);
        var named = new[] { summary.AidKind }.Concat(summary.Fields)
            .Where(text => SecurityWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase))).ToList();
        return named.Count > 0 ? "Security or defence related: " + string.Join(", ", named) : null;
    }
}
