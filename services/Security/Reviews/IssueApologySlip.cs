using Aid.Contracts.Desks;
using Aid.Contracts.Security;
using Aid.Domain.Apologies;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Marten;

namespace Aid.Security.Reviews;

/// <summary>
/// Công an tỉnh passed the review's due date: the officer issues an apology slip with a new date (see
/// <see cref="IssueApology"/>). Only while the review is open and overdue; another may follow once the new date passes.
/// </summary>
public static class IssueApologySlip
{
    public static IReadOnlyList<object> Decide(IssueApology command, SecurityReview review, WorkingCalendar calendar)
    {
        review.EnsureOpen();
        return [new SecurityApologySlipIssued(review.Id, review.ReceiptCode, command.SlipFor(review.DueOn, calendar))];
    }
}

public static class IssueApologySlipEndpoint
{
    public static async Task<Versioned<SecurityReviewView>> Handle(Guid id, IssueApologyRequest? body, HttpContext http,
        IDocumentSession session, TimeProvider clock, WorkingCalendar calendar, ReviewViews views, CancellationToken ct)
    {
        var actor = Actor.From(http.User);
        var command = IssueApology.From(body, actor, clock);
        return await session.RunAsync<SecurityReview, SecurityReviewView>(http, id, r => IssueApologySlip.Decide(command, r, calendar),
            _ => views.PublicView(session, id, ct));
    }
}
