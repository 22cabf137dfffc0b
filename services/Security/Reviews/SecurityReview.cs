namespace Aid.Security.Reviews;

public enum ReviewTrack { Standard, Full }

public sealed record SecurityReviewOpened(
    Guid DossierId, string ReceiptCode, Guid NgoId, ReviewTrack Track, DateTimeOffset OpenedAt);

/// <summary>The security review of one dossier; its stream id is the dossier id.</summary>
public sealed record SecurityReview(Guid Id, string ReceiptCode, Guid NgoId, ReviewTrack Track, DateTimeOffset OpenedAt)
{
    public static SecurityReview Create(SecurityReviewOpened e) =>
        new(e.DossierId, e.ReceiptCode, e.NgoId, e.Track, e.OpenedAt);
}
