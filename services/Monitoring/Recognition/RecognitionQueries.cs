using Aid.Monitoring.Projects;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Recognition;

public sealed record AssessedContribution(ContributionRecord Record, bool MeetsCriteria, IReadOnlyList<Bilingual> Unmet);

public sealed record Contributions(CommendationCriteria? Criteria, IReadOnlyList<AssessedContribution> Ngos);

public sealed record NgoRecognition(AssessedContribution Contribution, NgoCommendations? Commendations);

public sealed record PendingProposal(Guid NgoId, string? NgoName, Proposal Proposal);

/// <summary>What recognition's readers see: the criteria, each NGO's record assessed against them, pending proposals.</summary>
public static class RecognitionQueries
{
    public static async Task<Versioned<CommendationCriteria>> GetCriteria(IQuerySession session, HttpContext http)
    {
        var criteria = await session.LoadAsync<CommendationCriteria>(CommendationCriteria.StreamId, http.RequestAborted)
            ?? throw new NotFound("commendation criteria");
        return Versioned.Ok(criteria, criteria.Version);
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
