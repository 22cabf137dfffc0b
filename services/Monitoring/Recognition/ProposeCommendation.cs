using Aid.Monitoring.Projects;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Recognition;

public sealed record ProposeCommendationRequest(string? Reason);

public sealed record ProposeCommendation(Guid ProposalId, string Reason, string By, DateOnly Today)
{
    public static ProposeCommendation From(ProposeCommendationRequest request, string by, DateOnly today) =>
        new(Guid.NewGuid(), InputCheck.Validated(check => check.Paragraphs("reason", request.Reason)), by, today);

    /// <summary>
    /// An NGO is proposed only while it meets the criteria in force, and only once at a time: a proposal still
    /// awaiting UBND tỉnh's decision must be decided first.
    /// </summary>
    public static IReadOnlyList<object> Decide(
        ProposeCommendation command, ContributionRecord? record, CommendationCriteria? criteria, NgoCommendations? commendations)
    {
        if (criteria is null)
            throw new RuleViolation("no-criteria", new Bilingual(
                "Chưa có tiêu chí khen thưởng; quản trị viên cần đặt tiêu chí trước.",
                "No commendation criteria are set yet; an administrator must set them first."));
        if (record is null)
            throw new NotFound("NGO");
        if (commendations?.Pending is not null)
            throw new RuleViolation("proposal-pending", new Bilingual(
                "Tổ chức đã có đề nghị khen thưởng đang chờ UBND tỉnh quyết định.",
                "A proposal for this NGO is still awaiting the decision of the Provincial People's Committee."));
        var unmet = criteria.Unmet(record);
        if (unmet.Count > 0)
            throw new RuleViolation("criteria-not-met", new Bilingual(
                "Tổ chức chưa đạt tiêu chí: " + string.Join(" ", unmet.Select(u => u.Vi)),
                "The NGO does not meet the criteria: " + string.Join(" ", unmet.Select(u => u.En))));
        return [new CommendationProposed(command.ProposalId, record.NgoId, record.NgoName, command.Reason, record, command.By, command.Today)];
    }

}

public static class ProposeCommendationEndpoint
{
    public static async Task<Versioned<NgoCommendations>> Handle(
        Guid ngoId, ProposeCommendationRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var command = ProposeCommendation.From(request, Actor.From(http.User).UserId, clock.VietnamToday());
        var projects = await session.Query<MonitoredProject>().Where(p => p.NgoId == ngoId).ToListAsync(http.RequestAborted);
        var record = projects.Count == 0 ? null : ContributionRecord.Of(ngoId, projects, command.Today);
        var criteria = await session.LoadAsync<CommendationCriteria>(CommendationCriteria.StreamId, http.RequestAborted);
        return await session.RunOrStartAsync<NgoCommendations, NgoCommendations>(http, ngoId,
            current => ProposeCommendation.Decide(command, record, criteria, current),
            async _ => (await session.LoadAsync<NgoCommendations>(ngoId, http.RequestAborted))!, createdAt: $"/recognition/ngos/{ngoId}");
    }
}
