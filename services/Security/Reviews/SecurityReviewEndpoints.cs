using Aid.Contracts.Desks;
using Aid.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Security.Reviews;

public static class SecurityReviewEndpoints
{
    /// <summary>Security officers of Công an tỉnh: the only ones who act on a review.</summary>
    private static void Officers(AuthorizationPolicyBuilder p) =>
        p.RequireRole(Roles.SecurityOfficer).RequireClaim(Actor.AgencyClaim, Agencies.Police.Code);

    /// <summary>Security officers and auditors (who read everything and change nothing).</summary>
    private static void Readers(AuthorizationPolicyBuilder p) => p.RequireAssertion(c =>
    {
        var actor = Actor.From(c.User);
        return actor.IsAuditor || actor.Is(Roles.SecurityOfficer) && actor.Agency == Agencies.Police.Code;
    });

    /// <summary>Findings are confidential: security officers and auditors cleared for them only.</summary>
    private static void FindingReaders(AuthorizationPolicyBuilder p) =>
        p.RequireAssertion(c => ReviewViews.MayReadFindings(Actor.From(c.User)));

    public static IEndpointRouteBuilder MapSecurityReviews(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/security-reviews").WithTags("Security reviews")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        reviews.MapGet("/queue", WorkQueueEndpoint.Handle)
            .RequireAuthorization(Readers)
            .WithName("GetSecurityWorkQueue")
            .WithSummary("Open security reviews: searched, filtered, sorted (soonest deadline first) and paged")
            .ProducesProblem(400);

        reviews.MapGet("/statistics", ReviewStatisticsEndpoint.Handle)
            .RequireAuthorization(Readers)
            .WithName("GetSecurityReviewStatistics")
            .WithSummary("Reviews received, in progress and completed (on time or late) in a period")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        reviews.MapGet("/{id:guid}", ReadReviewEndpoints.GetReview)
            .RequireAuthorization(Readers)
            .WithName("GetSecurityReview")
            .WithSummary("A security review (its confidential part only for those cleared to read it)")
            .Produces<SecurityReviewView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        reviews.MapGet("/{id:guid}/findings", ReadReviewEndpoints.GetFindings)
            .RequireAuthorization(FindingReaders)
            .WithName("GetSecurityFindings")
            .WithSummary("The confidential findings of a review")
            .Produces<FindingsView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        reviews.MapPost("/{id:guid}/assignments", AssignOfficersEndpoint.Handle)
            .RequireAuthorization(Officers)
            .WithName("AssignSecurityOfficers")
            .WithSummary("Assign officers to a review")
            .Accepts<AssignOfficersRequest>("application/json")
            .Produces<SecurityReviewView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        reviews.MapPost("/{id:guid}/findings", RecordFindingEndpoint.Handle)
            .RequireAuthorization(Officers)
            .WithName("RecordSecurityFinding")
            .WithSummary("Record a confidential finding")
            .Accepts<RecordFindingRequest>("application/json")
            .Produces<FindingRecordedResponse>(StatusCodes.Status201Created)
            .Produces<FindingRecordedResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        reviews.MapPost("/{id:guid}/conclusion", ConcludeReviewEndpoint.Handle)
            .RequireAuthorization(Officers)
            .WithName("ConcludeSecurityReview")
            .WithSummary("Conclude: Cleared, ClearedWithConditions (public conditions) or Objection (confidential reasons)")
            .Accepts<ConcludeReviewRequest>("application/json")
            .Produces<SecurityReviewView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        reviews.MapPost("/{id:guid}/apology", IssueApologySlipEndpoint.Handle)
            .RequireAuthorization(Officers)
            .WithName("IssueSecurityApologySlip")
            .WithSummary("Past the due date: issue an apology slip (reason, extra working days) that moves the due date")
            .Accepts<Aid.ServiceDefaults.Apologies.IssueApologyRequest>("application/json")
            .Produces<SecurityReviewView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}
