using Aid.Contracts.Security;

namespace Aid.Security.Reviews;

public sealed record ScreeningResult(ReviewTrack Track, IReadOnlyList<string> Reasons);

/// <summary>
/// Full review when the dossier touches a sensitive area, intake classified it a Prime Minister matter, or its NGO had
/// an earlier objection; standard otherwise. The reasons say why, for the officers (e.g. "sensitive-area:Religion",
/// "prime-minister-matter", "earlier-objection").
/// </summary>
public static class Screening
{
    public const string EarlierObjection = "earlier-objection";
    public const string PrimeMinisterMatter = "prime-minister-matter";

    public static ScreeningResult Screen(IReadOnlyList<string> sensitiveAreas, bool ngoHadEarlierObjection, bool primeMinisterMatter = false)
    {
        var reasons = sensitiveAreas
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => "sensitive-area:" + a.Trim())
            .Distinct()
            .ToList();
        if (primeMinisterMatter)
            reasons.Add(PrimeMinisterMatter);
        if (ngoHadEarlierObjection)
            reasons.Add(EarlierObjection);
        return new ScreeningResult(reasons.Count > 0 ? ReviewTrack.Full : ReviewTrack.Standard, reasons);
    }
}
