namespace Aid.Registration.Dossiers;

/// <summary>
/// The documents a dossier of each aid kind must carry (by document kind), kept deliberately short:
/// every kind needs the donor's commitment letter; programmes and projects their programme/project document;
/// non-project aid the list of goods or services; emergency relief nothing else, so it can move fast.
/// </summary>
public static class RequiredDocuments
{
    public const string CommitmentLetter = "CommitmentLetter";
    public const string ProgrammeDocument = "ProgrammeDocument";
    public const string ProjectDocument = "ProjectDocument";
    public const string GoodsList = "GoodsList";

    public static IReadOnlyList<string> For(AidKind kind) => kind switch
    {
        AidKind.Programme => [ProgrammeDocument, CommitmentLetter],
        AidKind.Project => [ProjectDocument, CommitmentLetter],
        AidKind.NonProjectAid => [GoodsList, CommitmentLetter],
        _ => [CommitmentLetter],
    };

    public static IReadOnlyList<string> MissingFrom(AidKind kind, IEnumerable<DossierDocument> documents)
    {
        var present = documents.Select(d => d.Kind).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return For(kind).Where(k => !present.Contains(k)).ToList();
    }
}
