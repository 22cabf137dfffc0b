namespace Aid.Monitoring.Recognition;

/// <summary>
/// Recognition of NGOs: criteria, contributions, proposals and decisions (who may do what: <see cref="RecognitionAccess"/>).
/// </summary>
public static class RecognitionEndpoints
{
    public static IEndpointRouteBuilder MapRecognition(this IEndpointRouteBuilder app)
    {
        var recognition = app.MapGroup("/recognition").WithTags("Recognition")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        recognition.MapGet("/criteria", RecognitionQueries.GetCriteria).RequireAuthorization(RecognitionAccess.Read)
            .WithName("GetCommendationCriteria").WithSummary("The commendation criteria in force")
            .Produces<CommendationCriteria>().ProducesProblem(StatusCodes.Status404NotFound);
        recognition.MapPut("/criteria", SetCommendationCriteriaEndpoint.Handle).RequireAuthorization(RecognitionAccess.SetCriteria)
            .WithName("SetCommendationCriteria").WithSummary("Set the commendation criteria (If-Match: the version last read)")
            .Produces<CommendationCriteria>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        recognition.MapGet("/contributions", RecognitionQueries.GetContributions).RequireAuthorization(RecognitionAccess.Read)
            .WithName("GetContributions").WithSummary("Each NGO's contribution record, assessed against the criteria")
            .Produces<Contributions>();
        recognition.MapGet("/commendable", RecognitionQueries.GetCommendable).RequireAuthorization(RecognitionAccess.Read)
            .WithName("GetCommendableNgos").WithSummary("The NGOs meeting the commendation criteria")
            .Produces<IReadOnlyList<ContributionRecord>>();
        recognition.MapGet("/ngos/{ngoId:guid}", RecognitionQueries.GetNgo).RequireAuthorization(RecognitionAccess.Read)
            .WithName("GetNgoRecognition").WithSummary("One NGO's contribution record and commendation proposals")
            .Produces<NgoRecognition>().ProducesProblem(StatusCodes.Status404NotFound);
        recognition.MapGet("/proposals/pending", RecognitionQueries.GetPendingProposals).RequireAuthorization(RecognitionAccess.Read)
            .WithName("GetPendingCommendationProposals").WithSummary("Proposals awaiting the decision of UBND tỉnh, oldest first")
            .Produces<IReadOnlyList<PendingProposal>>();
        recognition.MapPost("/ngos/{ngoId:guid}/proposals", ProposeCommendationEndpoint.Handle).RequireAuthorization(RecognitionAccess.Propose)
            .WithName("ProposeCommendation").WithSummary("Propose the NGO for commendation by UBND tỉnh")
            .Produces<NgoCommendations>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        recognition.MapPost("/ngos/{ngoId:guid}/decision", DecideCommendationEndpoint.Handle).RequireAuthorization(RecognitionAccess.Decide)
            .WithName("DecideCommendation").WithSummary("Decide the pending proposal: Commended (decision number) or NotCommended (note)")
            .Produces<NgoCommendations>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
