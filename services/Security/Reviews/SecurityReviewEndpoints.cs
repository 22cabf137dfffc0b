using Aid.Contracts.Desks;

namespace Aid.Security.Reviews;

public static class SecurityReviewEndpoints
{
    public static IEndpointRouteBuilder MapSecurityReviews(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("/security-reviews").WithTags("Security reviews")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        reviews.MapGet("/queue", WorkQueueEndpoint.Handle)
            .RequireAuthorization(ReviewAccess.Read)
            .WithName("GetSecurityWorkQueue")
            .WithSummary("Open security reviews: searched, filtered, sorted (soonest deadline first) and paged")
            .ProducesProblem(400);

        reviews.MapGet("/statistics", ReviewStatisticsEndpoint.Handle)
            .RequireAuthorization(ReviewAccess.Read)
            .WithName("GetSecurityReviewStatistics")
            .WithSummary("Reviews received, in progress and completed (on time or late) in a period")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        reviews.MapGet("/{id:guid}", ReadReviewEndpoints.GetReview)
            .RequireAuthorization(ReviewAccess.Read)
            .WithName("GetSecurityReview")
            .WithSummary("A security review (its confidential part only for those cleared to read it)")
            .Produces<SecurityReviewView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        reviews.MapGet("/{id:guid}/findings", ReadReviewEndpoints.GetFindings)
            .RequireAuthorization(ReviewAccess.ReadFindings)
            .WithName("GetSecurityFindings")
            .WithSummary("The confidential findings of a review")
            .Produces<FindingsView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        reviews.MapPost("/{id:guid}/assignments", AssignOfficersEndpoint.Handle)
            .RequireAuthorization(ReviewAccess.Act)
            .WithName("AssignSecurityOfficers")
            .WithSummary("Assign officers to a review")
            .Accepts<AssignOfficersRequest>("application/json")
            .Produces<SecurityReviewView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        reviews.MapPost("/{id:guid}/findings", RecordFindingEndpoint.Handle)
            .RequireAuthorization(ReviewAccess.Act)
            .WithName("RecordSecurityFinding")
            .WithSummary("Record a confidential finding")
            .Accepts<RecordFindingRequest>("application/json")
            .Produces<FindingRecordedResponse>(StatusCodes.Status201Created)
            .Produces<FindingRecordedResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        reviews.MapPost("/{id:guid}/conclusion", ConcludeReviewEndpoint.Handle)
            .RequireAuthorization(ReviewAccess.Act)
            .WithName("ConcludeSecurityReview")
            .WithSummary("Conclude: Cleared, ClearedWithConditions (public conditions) or Objection (confidential reasons)")
            .Accepts<ConcludeReviewRequest>("application/json")
            .Produces<SecurityReviewView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        reviews.MapPost("/{id:guid}/apology", IssueApologySlipEndpoint.Handle)
            .RequireAuthorization(ReviewAccess.Act)
            .WithName("IssueSecurityApologySlip")
            .WithSummary("Past the due date: issue an apology slip (reason, extra working days) that moves the due date")
            .Accepts<Aid.Domain.Apologies.IssueApologyRequest>("application/json")
            .Produces<SecurityReviewView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}
