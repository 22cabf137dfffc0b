using Aid.Contracts.Desks;

namespace Aid.Portal.Api;

// The Registration service's answers the portal reads field by field (the rest of each view is shown as sent).

public sealed record HoldingAgency(string Code, string NameVi, string NameEn)
{
    public override string ToString() => Texts.L(NameVi, NameEn);
}

public sealed record DossierStatus(
    Guid DossierId, string ReceiptCode, Guid NgoId, string NgoName, string Title, string AidKind, string Stage, Label StageLabel,
    HoldingAgency? HoldingAgency, DateOnly ReceiptDate, DateOnly AppointmentDate, DateOnly? StageDueDate,
    IReadOnlyList<string> MissingItems, IReadOnlyList<PublicStep> Timeline, long Version)
{
    public string? Province { get; init; }
    public IReadOnlyList<ReceivedDocument> Documents { get; init; } = [];
    public bool SubmittedOnline { get; init; }
    /// <summary>The intake officer who received the dossier; null until the intake check accepts it.</summary>
    public string? ReceivedBy { get; init; }
    public IReadOnlyList<PublicApology> Apologies { get; init; } = [];
    /// <summary>The NGO's rating of the service (1–5), once given.</summary>
    public int? Rating { get; init; }
    /// <summary>The open supplement request: when, the intake officer's note, by when to answer.</summary>
    public SupplementNotice? Supplement { get; init; }
    /// <summary>Why Sở Ngoại vụ refused to receive the dossier, once it did.</summary>
    public ReceiptRefusal? Refusal { get; init; }
}

public sealed record SupplementNotice(DateOnly RequestedOn, string? Note, DateOnly? AnswerBy);

/// <summary>An apology slip (Phiếu xin lỗi và hẹn lại ngày trả kết quả) of an agency that ran late on its stage.</summary>
public sealed record PublicApology(
    string Stage, Label StageLabel, HoldingAgency Agency, DateOnly FormerDueDate, DateOnly NewDueDate, string Reason, string SignedBy,
    DateOnly IssuedOn);

public sealed record ReceivedDocument(string Kind, string Name);

/// <summary>A stage of the procedure on the public lookup; State is Done, Current, Upcoming or Stopped.</summary>
public sealed record PublicStage(string Stage, Label Label, HoldingAgency Agency, DateOnly? DueDate, DateOnly? EndedOn, string State);

public sealed record PublicStatus(
    string ReceiptCode, string NgoName, string Title, string Stage, Label StageLabel, HoldingAgency? HoldingAgency,
    DateOnly ReceiptDate, DateOnly AppointmentDate, IReadOnlyList<PublicStep> Timeline)
{
    public IReadOnlyList<PublicStage> Stages { get; init; } = [];
    public IReadOnlyList<PublicApology> Apologies { get; init; } = [];
    /// <summary>Why Sở Ngoại vụ refused to receive the dossier, once it did.</summary>
    public string? RefusalReason { get; init; }
}

public sealed record DossierSummary(
    Guid DossierId, string ReceiptCode, string Title, string AidKind, string Stage, Label StageLabel,
    DateOnly ReceiptDate, DateOnly AppointmentDate)
{
    public DateOnly? SupplementAnswerBy { get; init; }
}

public sealed record DossierReceipt(
    Guid DossierId, string ReceiptCode, DateOnly ReceiptDate, DateOnly IntakeDueDate, DateOnly AppointmentDate,
    string LookupSecret, long Version);

/// <summary>A contact person; an erased person keeps only the id.</summary>
public sealed record Contact(Guid PersonId, string? Name, string? Email, string? Phone, bool Erased);

public sealed record NgoProfile(
    string NameOwnLanguage, string NameEnglish, string? Acronym, string Country, string HeadOfficeAddress, Contact Contact,
    IReadOnlyList<string> Fields, IReadOnlyList<string> Provinces);

public sealed record Certificate(string Kind, string Number, DateOnly IssueDate, DateOnly ExpiryDate);

public sealed record NgoView(Guid Id, NgoProfile Profile, Certificate Certificate, string Standing, string? StandingReason,
    DateTimeOffset RegisteredAt, long Version)
{
    public IReadOnlyList<Contact> FormerContacts { get; init; } = [];
    public ExtensionRequest? ExtensionRequest { get; init; }
}

/// <summary>The NGO's latest request to extend its certificate: Open, Granted or Declined.</summary>
public sealed record ExtensionRequest(Guid Id, DateOnly CurrentExpiryDate, DateOnly RequestedExpiryDate, string Reason, DateTimeOffset RequestedAt)
{
    public string Status { get; init; } = "Open";
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateOnly? GrantedExpiryDate { get; init; }
    public string? DeclineReason { get; init; }
}

/// <summary>A registry command's answer: the NGO and its new version (the next If-Match).</summary>
public sealed record NgoChanged(Guid NgoId, long Version);

public sealed record NgoListItem(Guid Id, string NameEnglish, string? Acronym, string Country, string Standing)
{
    /// <summary>The date the NGO's open extension request asks for (null: none awaits an answer).</summary>
    public DateOnly? ExtensionRequestedTo { get; init; }
}

public sealed record ErasureRecord(Guid PersonId, string Reason, DateTimeOffset ErasedAt, string? ErasedBy, string? Agency);

public sealed record PersonErased(Guid PersonId, DateTimeOffset ErasedAt);

public sealed record DocumentInput(string Kind, string Name, long SizeBytes, string Sha256);

public sealed record BudgetInput(decimal Amount, string Currency, decimal? ExchangeRate, decimal CounterpartFundingVnd);

public sealed record SubmitDossierRequest(
    Guid Id, string Kind, string Title, string AidOwner, string ManagingAgency, IReadOnlyList<string> Fields,
    IReadOnlyList<string> Locations, BudgetInput Budget, DateOnly? StartDate, DateOnly? EndDate, string Objectives,
    string Beneficiaries, IReadOnlyList<DocumentInput> Documents, IReadOnlyList<string> SensitiveAreas)
{
    public string? TitleEn { get; init; }
}
