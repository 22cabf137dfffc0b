using Aid.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Monitoring.Recognition;

/// <summary>
/// Recognition of NGOs. Administrators set the criteria; monitoring and mobilisation officers of Sở Ngoại vụ
/// propose; decision makers of UBND tỉnh decide; all of them and auditors read. NGO staff and other agencies: 403.
/// </summary>
public static class RecognitionEndpoints
{
    public const string Read = "recognition-read";
    public const string SetCriteria = "recognition-set-criteria";
    public const string Propose = "recognition-propose";
    public const string Decide = "recognition-decide";

    public static void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(SetCriteria, p => p.RequireAssertion(c => IsAdministrator(Actor.From(c.User))));
        options.AddPolicy(Propose, p => p.RequireAssertion(c => IsProposer(Actor.From(c.User))));
        options.AddPolicy(Decide, p => p.RequireAssertion(c => IsDecisionMaker(Actor.From(c.User))));
        options.AddPolicy(Read, p => p.RequireAssertion(c => Actor.From(c.User) is var a
            && (IsAdministrator(a) || IsProposer(a) || IsDecisionMaker(a) || a.IsAuditor)));
    }

    private static bool IsAdministrator(Actor a) => a.Role == Roles.Administrator;

    private static bool IsProposer(Actor a) =>
        a.Is(Roles.MonitoringOfficer, Roles.MobilisationOfficer) && a.Agency == Agencies.ForeignAffairs.Code;

    private static bool IsDecisionMaker(Actor a) => a.Role == Roles.DecisionMaker && a.Agency == Agencies.PeoplesCommittee.Code;

    public static IEndpointRouteBuilder MapRecognition(this IEndpointRouteBuilder app)
    {
        var recognition = app.MapGroup("/recognition").WithTags("Recognition")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        recognition.MapGet("/criteria", RecognitionQueries.GetCriteria).RequireAuthorization(Read)
            .WithName("GetCommendationCriteria").WithSummary("The commendation criteria in force")
            .Produces<CommendationCriteria>().ProducesProblem(StatusCodes.Status404NotFound);
        recognition.MapPut("/criteria", SetCommendationCriteria.Handle).RequireAuthorization(SetCriteria)
            .WithName("SetCommendationCriteria").WithSummary("Set the commendation criteria (If-Match: the version last read)")
            .Produces<CommendationCriteria>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        recognition.MapGet("/contributions", RecognitionQueries.GetContributions).RequireAuthorization(Read)
            .WithName("GetContributions").WithSummary("Each NGO's contribution record, assessed against the criteria")
            .Produces<Contributions>();
        recognition.MapGet("/commendable", RecognitionQueries.GetCommendable).RequireAuthorization(Read)
            .WithName("GetCommendableNgos").WithSummary("The NGOs meeting the commendation criteria")
            .Produces<IReadOnlyList<ContributionRecord>>();
        recognition.MapGet("/ngos/{ngoId:guid}", RecognitionQueries.GetNgo).RequireAuthorization(Read)
            .WithName("GetNgoRecognition").WithSummary("One NGO's contribution record and commendation proposals")
            .Produces<NgoRecognition>().ProducesProblem(StatusCodes.Status404NotFound);
        recognition.MapGet("/proposals/pending", RecognitionQueries.GetPendingProposals).RequireAuthorization(Read)
            .WithName("GetPendingCommendationProposals").WithSummary("Proposals awaiting the decision of UBND tỉnh, oldest first")
            .Produces<IReadOnlyList<PendingProposal>>();
        recognition.MapPost("/ngos/{ngoId:guid}/proposals", ProposeCommendation.Handle).RequireAuthorization(Propose)
            .WithName("ProposeCommendation").WithSummary("Propose the NGO for commendation by UBND tỉnh")
            .Produces<NgoCommendations>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        recognition.MapPost("/ngos/{ngoId:guid}/decision", DecideCommendation.Handle).RequireAuthorization(Decide)
            .WithName("DecideCommendation").WithSummary("Decide the pending proposal: Commended (decision number) or NotCommended (note)")
            .Produces<NgoCommendations>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
