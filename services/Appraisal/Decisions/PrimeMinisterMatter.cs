using Aid.Appraisal.Appraisals;
using Aid.Contracts.Registration;
using Aid.Domain.Rules;

namespace Aid.Appraisal.Decisions;

/// <summary>
/// Aid the Prime Minister decides, not UBND tỉnh, as intake classified it (<see cref="DossierClassification"/>):
/// this service applies that answer and never reads the dossier's words again. A summary recorded before the
/// classification existed falls back to the same rule intake applies to the ticked areas.
/// </summary>
public static class PrimeMinisterMatter
{
    private static readonly Dictionary<string, Bilingual> GroundNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Religion"] = new("tôn giáo", "religion"),
        ["DefenceBorder"] = new("quốc phòng, biên giới", "defence and borders"),
        [DossierClassification.SecurityDefenceAid] = new("viện trợ về an ninh, quốc phòng", "security or defence aid"),
    };

    private static readonly string[] PrimeMinisterAreas = ["Religion", "DefenceBorder"];

    public static DossierClassification ClassificationOf(DossierSummary summary)
    {
        if (summary.Classification is { } classified) return classified;
        var grounds = summary.SensitiveAreas.Where(a => PrimeMinisterAreas.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
        return new DossierClassification(grounds.Count > 0, grounds);
    }

    /// <summary>Why the dossier falls to the Prime Minister (as recorded on the forwarding), or null when UBND tỉnh decides it.</summary>
    public static string? Grounds(DossierSummary summary) => Describe(summary)?.En;

    /// <summary>The grounds in both languages, for the pages.</summary>
    public static Bilingual? Describe(DossierSummary summary)
    {
        var classification = ClassificationOf(summary);
        if (!classification.PrimeMinisterMatter) return null;
        var names = classification.Grounds.Select(g => GroundNames.GetValueOrDefault(g) ?? new Bilingual(g, g)).ToList();
        return new("Thuộc thẩm quyền Thủ tướng Chính phủ: " + string.Join(", ", names.Select(n => n.Vi)),
            "A Prime Minister matter: " + string.Join(", ", names.Select(n => n.En)));
    }
}
