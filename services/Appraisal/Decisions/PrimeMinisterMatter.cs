using Aid.Appraisal.Appraisals;
using Aid.ServiceDefaults.Problems;

namespace Aid.Appraisal.Decisions;

/// <summary>
/// Aid the Prime Minister decides, not UBND tỉnh: aid touching religion or national defence / border areas, or
/// security or defence aid (the aid kind or a field of the dossier names defence or security).
/// </summary>
public static class PrimeMinisterMatter
{
    private static readonly string[] SecurityWords = ["defence", "defense", "security", "military", "quốc phòng", "an ninh", "quân sự"];

    private static readonly Dictionary<string, Bilingual> AreaNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Religion"] = new("Tôn giáo", "religion"),
        ["DefenceBorder"] = new("quốc phòng, biên giới", "defence and borders"),
    };

    /// <summary>Why the dossier falls to the Prime Minister (as recorded on the forwarding), or null when UBND tỉnh decides it.</summary>
    public static string? Grounds(DossierSummary summary) => Describe(summary)?.En;

    /// <summary>The grounds in both languages, for the pages.</summary>
    public static Bilingual? Describe(DossierSummary summary)
    {
        var areas = summary.SensitiveAreas.Where(AreaNames.ContainsKey).ToList();
        if (areas.Count > 0)
            return new("Lĩnh vực nhạy cảm: " + string.Join(", ", areas.Select(a => AreaNames[a].Vi)),
                "Sensitive area: " + string.Join(", ", areas.Select(a => AreaNames[a].En)));
        var named = new[] { summary.AidKind }.Concat(summary.Fields)
            .Where(text => SecurityWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase))).ToList();
        return named.Count > 0
            ? new("Liên quan an ninh, quốc phòng: " + string.Join(", ", named), "Security or defence related: " + string.Join(", ", named))
            : null;
    }
}
