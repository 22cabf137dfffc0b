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

    /// <summary>What a document kind is called, for a reader (a kind the NGO named itself reads as written).</summary>
    public static Aid.Domain.Rules.Bilingual LabelOf(string kind) => kind switch
    {
        CommitmentLetter => new("Thư cam kết của nhà tài trợ", "Donor's commitment letter"),
        ProgrammeDocument => new("Văn kiện chương trình", "Programme document"),
        ProjectDocument => new("Văn kiện dự án", "Project document"),
        GoodsList => new("Danh mục hàng hóa", "List of goods"),
        _ => new(kind, kind),
    };

    /// <summary>
    /// The required documents listed in the dossier whose file never reached the service (the NGO's upload after
    /// submitting failed or was never made): the intake check cannot be passed without reading them.
    /// </summary>
    public static IReadOnlyList<DossierDocument> NotUploaded(Dossier dossier) => dossier.Content is not { } content ? []
        : content.Documents
            .Where(d => For(content.Kind).Contains(d.Kind, StringComparer.OrdinalIgnoreCase))
            .Where(d => !dossier.UploadedDocuments.Any(u => string.Equals(u.Kind, d.Kind, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    public static IReadOnlyList<string> MissingFrom(AidKind kind, IEnumerable<DossierDocument> documents)
    {
        var present = documents.Select(d => d.Kind).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return For(kind).Where(k => !present.Contains(k)).ToList();
    }
}
