using Aid.ServiceDefaults.Commands;
using Aid.Contracts.Desks;
using Aid.Contracts.Security;
using Aid.Domain.Calendar;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Security.Reviews;

public sealed record FindingsView(Guid DossierId, string ReceiptCode, IReadOnlyList<SecurityFinding> Findings, string? ObjectionReasons);

/// <summary>Builds what readers see of a review; the confidential part only for those cleared to read it.</summary>
public sealed class ReviewViews(WorkingCalendar calendar, TimeProvider clock)
{
    /// <summary>Security officers of Công an tỉnh and cleared auditors: the only readers of findings.</summary>
    public static bool MayReadFindings(Actor actor) =>
        actor.Is(Roles.SecurityOfficer) && actor.Agency == Agencies.Police.Code || actor.Is(Roles.SecurityClearedAuditor);

    public SecurityStageView Stage(SecurityReview r)
    {
        var deadline = r.Status == ReviewStatus.Open ? DeadlineStatus.Of(r.DueOn, clock.VietnamToday(), calendar) : null;
        return new SecurityStageView(r.StartedOn, r.DueOn, r.EndedOn, r.OnTime, r.FlaggedOverdue,
            deadline?.WorkingDaysLeft, deadline?.Flag);
    }

    public SecurityReviewView View(SecurityReview r, ConfidentialFile? confidential) => new(
        r.Id, r.ReceiptCode, r.NgoId, r.NgoName, r.Title, r.AidKind, r.SensitiveAreas, r.AppointmentDate, r.Track,
        r.ScreeningReasons, r.Status, r.Officers, Stage(r), r.Verdict, r.PublicConditions, r.Version,
        confidential is null ? null : new SecurityConfidentialView(confidential.Findings, confidential.ObjectionReasons))
    {
        Apologies = r.Apologies,
    };

    /// <summary>The review as stored now (the command's own write included), without its confidential part.</summary>
    public async Task<SecurityReviewView> PublicView(IQuerySession session, Guid id, CancellationToken ct) =>
        View(await session.LoadAsync<SecurityReview>(id, ct) ?? throw new NotFound("SecurityReview"), null);
}

public static class ReadReviewEndpoints
{
    public static async Task<IResult> GetReview(Guid id, HttpContext http, IQuerySession session, ReviewViews views,
        CancellationToken ct)
    {
        var review = await session.LoadAsync<SecurityReview>(id, ct) ?? throw new NotFound("SecurityReview");
        var confidential = ReviewViews.MayReadFindings(Actor.From(http.User))
            ? await session.LoadAsync<ConfidentialFile>(id, ct)
            : null;
        return Versioned.Ok(views.View(review, confidential), review.Version);
    }

    public static async Task<IResult> GetFindings(Guid id, IQuerySession session, CancellationToken ct)
    {
        var review = await session.LoadAsync<SecurityReview>(id, ct) ?? throw new NotFound("SecurityReview");
        var file = await session.LoadAsync<ConfidentialFile>(id, ct) ?? new ConfidentialFile { Id = id };
        return Results.Ok(new FindingsView(id, review.ReceiptCode, file.Findings, file.ObjectionReasons));
    }
}
