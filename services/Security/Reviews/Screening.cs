namespace Aid.Security.Reviews;

public sealed record ScreeningResult(ReviewTrack Track, IReadOnlyList<string> Reasons);

/// <summary>
/// Full review when the dossier touches a sensitive area or its NGO had an earlier objection; standard otherwise.
/// The reasons say why, for the officers (e.g. "sensitive-area:Religion", "earlier-objection").
/// </summary>
public static class Screening
{
    public const string EarlierObjection = "earlier-objection";

    public static ScreeningResult Screen(IReadOnlyList<string> sensitiveAreas, bool ngoHadEarlierObjection)
    {
        var reasons = sensitiveAreas
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => "sensitive-area:" + a.Trim())
            .Distinct()
            .ToList();
        if (ngoHadEarlierObjection)
            reasons.Add(EarlierObjection);
        return new ScreeningResult(reasons.Count > 0 ? ReviewTrack.Full : ReviewTrack.Standard, reasons);
    }
}
