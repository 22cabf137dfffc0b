using Aid.Contracts.Appraisal;
using Aid.Contracts.Security;

namespace Aid.Contracts.Desks;

/// <summary>
/// The appraisal and decision of one dossier (Appraisal's GET /appraisals/{id}), as Sở Tài chính's appraisal desk and
/// UBND tỉnh's decision desk read it: the dossier's facts as intake accepted them, security's public conclusion, the
/// stages' clocks, the opinions asked and received, the report, the decision or the forwarding to the Prime Minister,
/// the apology slips and the version (the next If-Match). Appraisers, decision-makers and auditors read all of it.
/// </summary>
public sealed record AppraisalDeskView(
    Guid DossierId, string ReceiptCode, long Version, AppraisalStatus Status, AppraisalDossierFacts? Dossier,
    AppraisalSecurityConclusion? Security, AppraisalStageView? AppraisalStage, AppraisalStageView? OpinionsStage,
    AppraisalStageView? DecisionStage, IReadOnlyList<AppraisalOpinionRequest> Opinions, AppraisalReport? Report,
    string? SecurityOverrideReason, AppraisalDecisionView? Decision, PrimeMinisterView PrimeMinister, string? WithdrawalReason)
{
    /// <summary>The apology slips issued for the appraisal and decision stages, oldest first.</summary>
    public IReadOnlyList<AppraisalApology> Apologies { get; init; } = [];
}

/// <summary>The dossier's public summary as intake accepted it (absent until it arrives); codes: aid kind, sensitive
/// areas, sectors (fields), country.</summary>
public sealed record AppraisalDossierFacts(
    Guid NgoId, string? NgoName, string? NgoCountry, string? Title, string? TitleEn, string AidKind,
    IReadOnlyList<string> SensitiveAreas, IReadOnlyList<string> Fields, IReadOnlyList<string> Locations, decimal? Amount,
    string? Currency, decimal? AmountVnd, DateOnly? StartDate, DateOnly? EndDate, string? Objectives);

/// <summary>Công an tỉnh's conclusion as Appraisal received it: the verdict and its public conditions.</summary>
public sealed record AppraisalSecurityConclusion(SecurityVerdict Verdict, IReadOnlyList<string> PublicConditions);

/// <summary>A stage's clock; while it runs, the working days left (negative once overdue) and its deadline flag.</summary>
public sealed record AppraisalStageView(
    DateOnly StartedOn, DateOnly DueDate, DateOnly? EndedOn, bool? EndedOnTime, bool OverdueFlagged,
    int? WorkingDaysLeft, DeadlineFlag? Flag);

/// <summary>A department asked for its written opinion, and the opinion once recorded.</summary>
public sealed record AppraisalOpinionRequest(string Department, DateOnly RequestedOn, DateOnly DueDate, AppraisalOpinion? Opinion);

public sealed record AppraisalOpinion(string Department, DateOnly OpinionDate, string Text, OpinionStance Stance, DateOnly RecordedOn);

public sealed record AppraisalReport(Recommendation Recommendation, IReadOnlyList<string> Conditions, string? Reasons, DateOnly IssuedOn);

/// <summary>
/// UBND tỉnh's decision, its forwarding to the Prime Minister (whose grounds are <see cref="PrimeMinisterView.Grounds"/>),
/// or, once recorded, the Prime Minister's decision (<see cref="PrimeMinisterView.ForwardedOn"/> set).
/// </summary>
public sealed record AppraisalDecisionView(
    DecisionOutcome Outcome, DateOnly DecidedOn, string? DecisionNumber, DateOnly? DecisionDate, string? Signer,
    IReadOnlyList<string> Conditions, string? Reasons);

/// <summary>
/// Why the Prime Minister decides the dossier (the grounds, sensitive-area codes; none when UBND tỉnh decides), when UBND
/// tỉnh forwarded it, the date of the Prime Minister's decision document, the document once attached, and whether UBND
/// tỉnh may attach it now.
/// </summary>
public sealed record PrimeMinisterView(
    IReadOnlyList<string> Grounds, DateOnly? ForwardedOn, DateOnly? DecidedOn, PrimeMinisterDocumentFile? Document, bool TakesDocument);

/// <summary>The Prime Minister's decision document on file (downloaded from /decisions/{id}/prime-minister-document).</summary>
public sealed record PrimeMinisterDocumentFile(Guid Id, string Name, string ContentType, long SizeBytes, string Sha256, DateTimeOffset AttachedAt);

/// <summary>An apology slip and the stage that issued it: Sở Tài chính's appraisal or UBND tỉnh's decision.</summary>
public sealed record AppraisalApology(ApologisingStage Stage, ApologySlip Slip);
