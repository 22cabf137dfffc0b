namespace Aid.Contracts.Desks;

/// <summary>
/// Everything the NGO submitted, as Sở Ngoại vụ's intake desk reads it at the intake check (Registration's
/// GET /dossiers/{id}/intake): the content (budget in its currency and in VND, sensitive areas), the cited catalogue
/// entry, each supplement request with the NGO's answers, the files that arrived (downloadable) and the required ones
/// declared but never uploaded, a refusal to receive, the public timeline and the version (the next If-Match).
/// </summary>
public sealed record IntakeDossierView(
    Guid DossierId, string ReceiptCode, string NgoName, string? NgoCountry, string Title, string Stage,
    DateOnly ReceiptDate, DateOnly AppointmentDate, DateOnly? StageDueDate, string ProposedDecidedBy, long Version)
{
    public SubmittedContent? Content { get; init; }
    public CitedCatalogueEntry? CatalogueEntry { get; init; }
    public IReadOnlyList<SupplementRound> Supplements { get; init; } = [];
    public IReadOnlyList<StoredDocument> Uploaded { get; init; } = [];
    public IReadOnlyList<DeclaredDocument> NotUploaded { get; init; } = [];
    public ReceiptRefusal? Refusal { get; init; }
    public string? ReceivedBy { get; init; }
    public IReadOnlyList<PublicStep> Timeline { get; init; } = [];
}

/// <summary>What the NGO submitted; kinds, fields and sensitive areas are codes the reader's page labels.</summary>
public sealed record SubmittedContent(
    string Kind, string Title, string AidOwner, string ManagingAgency, IReadOnlyList<string> Fields, IReadOnlyList<string> Locations,
    SubmittedBudget Budget, DateOnly StartDate, DateOnly EndDate, string Objectives, string Beneficiaries,
    IReadOnlyList<DeclaredDocument> Documents, IReadOnlyList<string> SensitiveAreas)
{
    public string? TitleEn { get; init; }
}

/// <summary>Amounts as stated by the NGO; AmountVnd = Amount x ExchangeRate.</summary>
public sealed record SubmittedBudget(decimal Amount, string Currency, decimal ExchangeRate, decimal AmountVnd, decimal CounterpartFundingVnd);

/// <summary>A document the NGO declared with the dossier (its file may or may not have arrived).</summary>
public sealed record DeclaredDocument(string Kind, string Name, long SizeBytes, string Sha256);

/// <summary>A file that arrived; its id opens it.</summary>
public sealed record StoredDocument(Guid Id, string Kind, string Name, string ContentType, long SizeBytes, string Sha256);

/// <summary>The catalogue entry (danh mục kêu gọi viện trợ) the dossier cites.</summary>
public sealed record CitedCatalogueEntry(Guid Id, string? Code, string TitleVi, string TitleEn)
{
    public override string ToString() => (Code is null ? "" : Code + " — ") + new Label(TitleVi, TitleEn);
}

/// <summary>One item the intake officer asked for and what the NGO supplied for it.</summary>
public sealed record SuppliedItem(string Item, DeclaredDocument? Document, string? Note);

/// <summary>One supplement request and the NGO's answer to it (none while the NGO has not answered).</summary>
public sealed record SupplementRound(
    DateOnly RequestedOn, IReadOnlyList<string> MissingItems, string? Note, DateOnly? AnswerBy,
    DateOnly? AnsweredOn, string? AnswerNote, IReadOnlyList<SuppliedItem> Answers);

/// <summary>Why Sở Ngoại vụ refused to receive the dossier (từ chối tiếp nhận).</summary>
public sealed record ReceiptRefusal(string Reason, string RefusedBy, DateOnly RefusedOn);
