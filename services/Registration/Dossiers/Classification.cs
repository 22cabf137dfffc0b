using Aid.Contracts.Registration;
using Aid.Domain.Rules;

namespace Aid.Registration.Dossiers;

/// <summary>
/// The legal route of a dossier: the Prime Minister decides aid touching religion or national defence and border
/// areas (ticked by the NGO), and aid whose subject is security or defence (found by the intake officer, who may also
/// clear a ticked area found not to apply). Computed here once and carried on DossierAccepted.
/// </summary>
public static class Classification
{
    public static readonly IReadOnlyList<SensitiveArea> PrimeMinisterAreas = [SensitiveArea.Religion, SensitiveArea.DefenceBorder];

    /// <summary>What the ticked areas give, before the officer confirms.</summary>
    public static DossierClassification Proposed(IEnumerable<SensitiveArea> ticked)
    {
        var grounds = ticked.Where(PrimeMinisterAreas.Contains).Distinct().Select(a => a.ToString()).ToList();
        return new DossierClassification(grounds.Count > 0, grounds);
    }

    /// <summary>The officer's answer: the proposal confirmed, or changed with a reason.</summary>
    public static DossierClassification Confirmed(IEnumerable<SensitiveArea> ticked, bool? primeMinisterMatter, string? reason)
    {
        var proposed = Proposed(ticked);
        if (primeMinisterMatter is not { } chosen || chosen == proposed.PrimeMinisterMatter)
            return proposed;
        if (string.IsNullOrWhiteSpace(reason))
            throw new InputRejected(new Dictionary<string, Bilingual[]>
            {
                ["classificationReason"] = [new(
                    "Hãy ghi lý do khi thay đổi thẩm quyền quyết định so với các lĩnh vực nhạy cảm đã đánh dấu.",
                    "Give the reason for changing who decides from what the ticked sensitive areas give.")],
            });
        return chosen
            ? new DossierClassification(true, [DossierClassification.SecurityDefenceAid]) { ChangeReason = reason.Trim() }
            : new DossierClassification(false, []) { ChangeReason = reason.Trim() };
    }
}
