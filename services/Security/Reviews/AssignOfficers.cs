using Aid.Contracts.Desks;
using Aid.Contracts.Security;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Security.Reviews;

public sealed record AssignOfficersRequest(IReadOnlyList<string>? Officers);

/// <summary>Assigns security officers (their user ids) to the review. Assigning someone already assigned changes nothing.</summary>
public sealed record AssignOfficers(IReadOnlyList<string> Officers, DateTimeOffset At)
{
    public const int MaxOfficers = 10;
    public const int MaxOfficerIdLength = 100;

    public static AssignOfficers From(AssignOfficersRequest? request, TimeProvider clock)
    {
        var officers = InputCheck.Validated(check => check.Lines("officers", request?.Officers, MaxOfficers, MaxOfficerIdLength));
        return new AssignOfficers(officers, clock.GetUtcNow());
    }

    public static IReadOnlyList<object> Decide(AssignOfficers command, SecurityReview review)
    {
        review.EnsureOpen();
        var newcomers = command.Officers.Except(review.Officers).ToList();
        return newcomers.Count == 0 ? [] : [new OfficersAssigned(review.Id, newcomers, command.At)];
    }
}

public static class AssignOfficersEndpoint
{
    public static async Task<Versioned<SecurityReviewView>> Handle(Guid id, AssignOfficersRequest? body, HttpContext http,
        IDocumentSession session, TimeProvider clock, ReviewViews views, CancellationToken ct)
    {
        var command = AssignOfficers.From(body, clock);
        return await session.RunAsync<SecurityReview, SecurityReviewView>(http, id, r => AssignOfficers.Decide(command, r),
            _ => views.PublicView(session, id, ct));
    }
}
