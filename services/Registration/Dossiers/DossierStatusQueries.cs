using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;
using Microsoft.Extensions.Options;

namespace Aid.Registration.Dossiers;

public sealed record HoldingAgency(string Code, string NameVi, string NameEn);

/// <summary>The NGO status view: public facts only (never findings, opinions or internal notes).</summary>
public sealed record DossierStatus(
    Guid DossierId,
    string ReceiptCode,
    Guid NgoId,
    string NgoName,
    string Title,
    string AidKind,
    string Stage,
    Label StageLabel,
    HoldingAgency? HoldingAgency,
    DateOnly ReceiptDate,
    DateOnly AppointmentDate,
    DateOnly? StageDueDate,
    IReadOnlyList<string> MissingItems,
    IReadOnlyList<PublicStep> Timeline,
    long Version)
{
    /// <summary>The province whose Sở Ngoại vụ received the dossier (configuration "Province:Name").</summary>
    public string? Province { get; init; }
    /// <summary>The documents received with the dossier and its supplements, as listed on the receipt.</summary>
    public IReadOnlyList<ReceivedDocument> Documents { get; init; } = [];
    /// <summary>True when the NGO submitted it through the portal (online); false for history imported at acceptance.</summary>
    public bool SubmittedOnline { get; init; }
    /// <summary>The intake officer who received it; null until the intake check accepts it.</summary>
    public string? ReceivedBy { get; init; }
    /// <summary>The NGO's rating of the service (1–5), once given.</summary>
    public int? Rating { get; init; }
    /// <summary>Who decides the aid by the areas the NGO ticked, for the intake officer to confirm or change.</summary>
    public DecidedBy ProposedDecidedBy { get; init; }
    /// <summary>The apology slips of agencies that ran late, oldest first; each moved the appointment date.</summary>
    public IReadOnlyList<PublicApology> Apologies { get; init; } = [];
    /// <summary>The open supplement request (with <see cref="MissingItems"/>): when it was made, the intake officer's
    /// note and by when the NGO should answer; null when none is open.</summary>
    public SupplementNotice? Supplement { get; init; }
    /// <summary>Why Sở Ngoại vụ refused to receive the dossier (từ chối tiếp nhận), once it did.</summary>
    public ReceiptRefusal? Refusal { get; init; }
}

public sealed record SupplementNotice(DateOnly RequestedOn, string? Note, DateOnly? AnswerBy);

public sealed record ReceivedDocument(string Kind, string Name);

/// <summary>
/// An apology slip (Phiếu xin lỗi và hẹn lại ngày trả kết quả) as the NGO and the public lookup read it: the stage and
/// agency that ran late, the reason, the due date it replaced and the new one, who signed it and when.
/// </summary>
public sealed record PublicApology(
    string Stage, Label StageLabel, HoldingAgency Agency, DateOnly FormerDueDate, DateOnly NewDueDate, string Reason, string SignedBy,
    DateOnly IssuedOn);

/// <summary>
/// One stage of the one-stop procedure as the public lookup shows it: the agency responsible, its due date (as the
/// agency published it, else as planned from the receipt date and the working days allowed), the day it ended, and
/// its state: Done, Current, Upcoming, or Stopped (the dossier was withdrawn before it).
/// </summary>
public sealed record PublicStage(string Stage, Label Label, HoldingAgency Agency, DateOnly? DueDate, DateOnly? EndedOn, string State);

/// <summary>What anyone holding the receipt (code and secret) may read.</summary>
public sealed record PublicStatus(
    string ReceiptCode, string NgoName, string Title, string Stage, Label StageLabel, HoldingAgency? HoldingAgency,
    DateOnly ReceiptDate, DateOnly AppointmentDate, IReadOnlyList<PublicStep> Timeline)
{
    /// <summary>Every stage, done, current or to come, with its due date (see <see cref="PublicStage"/>).</summary>
    public IReadOnlyList<PublicStage> Stages { get; init; } = [];
    /// <summary>The apology slips of agencies that ran late, oldest first; each moved the appointment date.</summary>
    public IReadOnlyList<PublicApology> Apologies { get; init; } = [];
    /// <summary>Why Sở Ngoại vụ refused to receive the dossier, once it did (without the officer's name).</summary>
    public string? RefusalReason { get; init; }
}

public sealed record DossierSummary(
    Guid DossierId, string ReceiptCode, string Title, string AidKind, string Stage, Label StageLabel,
    DateOnly ReceiptDate, DateOnly AppointmentDate)
{
    /// <summary>By when the NGO should answer the open supplement request, when the officer named a date.</summary>
    public DateOnly? SupplementAnswerBy { get; init; }
}

public static class DossierStatusQueries
{
    /// <summary>The status view as projected (one query); 304 when the caller already holds this version.</summary>
    public static async Task<IResult> ById(
        Guid id, HttpContext http, IQuerySession session, IOptions<ProvinceOptions> province, CancellationToken ct) =>
        Answer(await session.LoadAsync<DossierStatus>(id, ct), http, province.Value);

    public static async Task<IResult> ByReceipt(
        string code, HttpContext http, IQuerySession session, IOptions<ProvinceOptions> province, CancellationToken ct)
    {
        var status = code.Length is > 0 and <= 40
            ? await session.Query<DossierStatus>().FirstOrDefaultAsync(d => d.ReceiptCode == code.ToUpperInvariant(), ct)
            : null;
        return Answer(status, http, province.Value);
    }

    public static async Task<IResult> ForNgo(Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        Actor.From(http.User).EnsureMaySee(id, "NGO");
        var dossiers = await session.Query<Dossier>().Where(d => d.NgoId == id).ToListAsync(ct);
        return Results.Ok(dossiers.OrderByDescending(d => d.ReceiptDate).ThenByDescending(d => d.ReceiptCode)
            .Select(d => new DossierSummary(d.Id, d.ReceiptCode, d.Content?.Title ?? "", d.Content?.Kind.ToString() ?? "",
                d.Stage.ToString(), LabelOf(d.Stage), d.ReceiptDate, d.AppointmentDate) { SupplementAnswerBy = d.SupplementAnswerBy })
            .ToList());
    }

    /// <summary>Anonymous, rate limited: a wrong code and a wrong secret both answer 404.</summary>
    public static async Task<IResult> Public(
        string? code, string? secret, IQuerySession session, WorkingCalendar calendar, StageDeadlines deadlines,
        LookupLockout lockout, CancellationToken ct)
    {
        if (code is not { Length: > 0 and <= 40 } || secret is not { Length: > 0 and <= 40 })
            throw new NotFound("Dossier");
        var normalised = code.Trim().ToUpperInvariant();
        lockout.ThrowIfLocked(normalised);
        var dossier = await session.Query<Dossier>().FirstOrDefaultAsync(d => d.ReceiptCode == normalised, ct);
        if (dossier is null || !LookupSecret.Matches(dossier, secret))
        {
            lockout.WrongSecret(normalised);
            throw new NotFound("Dossier");
        }
        lockout.RightSecret(normalised);
        return Results.Ok(new PublicStatus(dossier.ReceiptCode, dossier.NgoName, dossier.Content?.Title ?? "",
            dossier.Stage.ToString(), LabelOf(dossier.Stage), HolderOf(dossier.Stage), dossier.ReceiptDate,
            dossier.AppointmentDate, TimelineOf(dossier))
        {
            Stages = PublicStages.Of(dossier, calendar, deadlines),
            Apologies = ApologiesOf(dossier),
            RefusalReason = dossier.Refusal?.Reason,
        });
    }

    private static IResult Answer(DossierStatus? status, HttpContext http, ProvinceOptions province)
    {
        if (status is null || !Actor.From(http.User).MaySee(status.NgoId))
            throw new NotFound("Dossier", hidden: status is not null);
        if (!http.Request.HoldsVersion(status.Version))
            return Versioned.Ok(status with { Province = province.Name }, status.Version);
        http.Response.Headers.ETag = Versioned.Tag(status.Version);
        return Results.StatusCode(StatusCodes.Status304NotModified);
    }

    private static List<PublicApology> ApologiesOf(Dossier dossier) => dossier.Apologies.Select(PublicApologyOf).ToList();

    internal static PublicApology PublicApologyOf(ApologyNotice a)
    {
        var label = PublicStages.LabelOf(a.Stage);
        var agency = Agencies.Find(a.AgencyCode) ?? PublicStages.AgencyOf(a.Stage);
        return new PublicApology(a.Stage, new Label(label.Vi, label.En), new HoldingAgency(agency.Code, agency.NameVi, agency.NameEn),
            a.FormerDueDate, a.NewDueDate, a.Reason, a.SignedBy, a.IssuedAt.VietnamDate());
    }

    internal static Label LabelOf(DossierStage stage)
    {
        var label = StageLabels.Of(stage);
        return new Label(label.Vi, label.En);
    }

    internal static HoldingAgency? HolderOf(DossierStage stage) =>
        StageLabels.HolderOf(stage) is { } a ? new HoldingAgency(a.Code, a.NameVi, a.NameEn) : null;

    private static List<PublicStep> TimelineOf(Dossier dossier) => dossier.Timeline.Select(PublicStepOf).ToList();

    internal static PublicStep PublicStepOf(TimelineStep step)
    {
        var label = StageLabels.OfStep(step.Step);
        return new PublicStep(step.At, step.Step.ToString(), new Label(label.Vi, label.En), step.AgencyCode);
    }
}
