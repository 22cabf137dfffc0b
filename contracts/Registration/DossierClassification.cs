namespace Aid.Contracts.Registration;

/// <summary>
/// Who decides the aid, computed once at intake from the ticked sensitive areas and confirmed (or changed, with a
/// reason) by the intake officer; every later service applies this answer instead of reading the dossier again.
/// <paramref name="Grounds"/> are codes: a sensitive area ("Religion", "DefenceBorder") or "SecurityDefenceAid"
/// when the officer found the aid's subject to be security or defence.
/// </summary>
public sealed record DossierClassification(bool PrimeMinisterMatter, IReadOnlyList<string> Grounds)
{
    public const string SecurityDefenceAid = "SecurityDefenceAid";

    /// <summary>The officer changed what the ticked areas gave, and why.</summary>
    public string? ChangeReason { get; init; }
}
