namespace Aid.Registration.Dossiers;

public sealed record DossierAccepted(
    Guid DossierId,
    string ReceiptCode,
    Guid NgoId,
    string AidKind,
    IReadOnlyList<string> SensitiveAreas,
    DateTimeOffset AcceptedAt);
