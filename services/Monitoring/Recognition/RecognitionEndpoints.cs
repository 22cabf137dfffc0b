using Aid.Monitoring.Projects;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Aid.ServiceDefaults.Calendar;

namespace Aid.Monitoring.Recognition;

public sealed record AssessedContribution(ContributionRecord Record, bool MeetsCriteria, IReadOnlyList<Bilingual> Unmet);

public sealed record Contributions(CommendationCriteria? Criteria, IReadOnlyList<AssessedContribution> Ngos);

public sealed record NgoRecognition(AssessedContribution Contribution, NgoCommendations? Commendations);

public sealed record PendingProposal(Guid NgoId, string? NgoName, Proposal Proposal);

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
        recognition.MapGet("/criteria", GetCriteria).RequireAuthorization(Read)
            .WithName("GetCommendationCriteria").WithSummary("The commendation criteria in force")
            .Produces<CommendationCriteria>().ProducesProblem(StatusCodes.Status404NotFound);
        recognition.MapPut("/criteria", SetCommendationCriteria.Handle).RequireAuthorization(SetCriteria)
            .WithName("SetCommendationCriteria").WithSummary("Set the commendation criteria (If-Match: the version last read)")
            .Produces<CommendationCriteria>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        recognition.MapGet("/contributions", GetContributions).RequireAuthorization(Read)
            .WithName("GetContributions").WithSummary("Each NGO's contribution record, assessed against the criteria")
            .Produces<Contributions>();
        recognition.MapGet("/commendable", GetCommendable).RequireAuthorization(Read)
            .WithName("GetCommendableNgos").WithSummary("The NGOs meeting the commendation criteria")
            .Produces<IReadOnlyList<ContributionRecord>>();
        recognition.MapGet("/ngos/{ngoId:guid}", GetNgo).RequireAuthorization(Read)
            .WithName("GetNgoRecognition").WithSummary("One NGO's contribution record and commendation proposals")
            .Produces<NgoRecognition>().ProducesProblem(StatusCodes.Status404NotFound);
        recognition.MapGet("/proposals/pending", GetPendingProposals).RequireAuthorization(Read)
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

    public static async Task<IResult> GetCriteria(IQuerySession session, HttpContext http)
    {
        var criteria = await session.LoadAsync<CommendationCriteria>(CommendationCriteria.StreamId, http.RequestAborted)
            ?? throw new NotFound("commendation criteria");
        http.Response.Headers.ETag = $"\"{criteria.Version}\"";
        return Results.Ok(criteria);
    }

    public static async Task<IResult> GetContributions(IQuerySession session, TimeProvider clock, HttpContext http) =>
        Results.Ok(await Assess(session, clock, http.RequestAborted));

    public static async Task<IResult> GetCommendable(IQuerySession session, TimeProvider clock, HttpContext http) =>
        Results.Ok((await Assess(session, clock, http.RequestAborted)).Ngos.Where(n => n.MeetsCriteria).Select(n => n.Record).ToList());

    public static async Task<IResult> GetNgo(Guid ngoId, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var projects = await session.Query<MonitoredProject>().Where(p => p.NgoId == ngoId).ToListAsync(http.RequestAborted);
        if (projects.Count == 0)
            throw new NotFound("NGO");
        var criteria = await session.LoadAsync<CommendationCriteria>(CommendationCriteria.StreamId, http.RequestAborted);
        return Results.Ok(new NgoRecognition(Assessed(ContributionRecord.Of(ngoId, projects, clock.VietnamToday()), criteria),
            await session.LoadAsync<NgoCommendations>(ngoId, http.RequestAborted)));
    }

    public static async Task<IResult> GetPendingProposals(IQuerySession session, HttpContext http) =>
        Results.Ok((await session.Query<NgoCommendations>().ToListAsync(http.RequestAborted))
            .Where(c => c.Pending is not null)
            .Select(c => new PendingProposal(c.Id, c.NgoName, c.Pending!))
            .OrderBy(p => p.Proposal.ProposedOn).ThenBy(p => p.NgoName)
            .ToList());

    /// <summary>Without criteria nobody meets them: the list of commendable NGOs stays empty until they are set.</summary>
    private static async Task<Contributions> Assess(IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var criteria = await session.LoadAsync<CommendationCriteria>(CommendationCriteria.StreamId, ct);
        var records = ContributionRecord.Of(await session.Query<MonitoredProject>().ToListAsync(ct), clock.VietnamToday());
        return new Contributions(criteria, records.Select(r => Assessed(r, criteria)).ToList());
    }

    private static AssessedContribution Assessed(ContributionRecord record, CommendationCriteria? criteria)
    {
        IReadOnlyList<Bilingual> unmet = criteria is null
            ? [new("Chưa có tiêu chí khen thưởng.", "No commendation criteria are set.")]
            : criteria.Unmet(record);
        return new AssessedContribution(record, unmet.Count == 0, unmet);
    }
}
