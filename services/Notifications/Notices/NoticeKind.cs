namespace Aid.Notifications.Notices;

/// <summary>What a notification is about; each user turns e-mail on or off per kind (the inbox always has it).</summary>
public enum NoticeKind
{
    DossierReceived,
    SupplementRequested,
    ClockResumed,
    StageConcluded,
    Decision,
    Apology,
    NewInQueue,
    StageNearlyDue,
    StageOverdue,
    ReportDue,
    ReportOverdue,
    CertificateExpiring,
}

/// <summary>Who is told: an NGO (its registered contacts, its staff's inbox) or an agency (its officers).</summary>
public sealed record Audience(string Key)
{
    public static Audience Ngo(Guid ngoId) => new($"ngo:{ngoId:N}");

    public static Audience Agency(string code) => new($"agency:{code}");

    public Guid? NgoId => Key.StartsWith("ngo:", StringComparison.Ordinal) && Guid.TryParse(Key[4..], out var id) ? id : null;

    public string? AgencyCode => Key.StartsWith("agency:", StringComparison.Ordinal) ? Key[7..] : null;

    public override string ToString() => Key;
}

/// <summary>One notification in both languages, with the portal page it is about (a path of the portal).</summary>
public sealed record NoticeText(string SubjectVi, string BodyVi, string SubjectEn, string BodyEn, string Link);
