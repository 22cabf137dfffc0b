using Aid.Monitoring.Projects;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Recognition;

public sealed record SetCommendationCriteriaRequest(
    decimal? MinCommittedVnd, decimal? MinReceivedVnd, int? MinCompletedProjects, decimal? MinOnTimeReportPercent,
    bool? NoNonCompliantInspection);

public sealed record SetCommendationCriteria(
    decimal MinCommittedVnd, decimal MinReceivedVnd, int MinCompletedProjects, decimal MinOnTimeReportPercent,
    bool NoNonCompliantInspection, string By, DateTimeOffset At)
{
    public static SetCommendationCriteria From(SetCommendationCriteriaRequest request, string by, DateTimeOffset at)
    {
        new InputCheck()
            .Rule(request.MinCommittedVnd is >= 0 and < 1e18m, "minCommittedVnd", "Số tiền từ 0 đến dưới 10^18 VND.", "An amount from 0 to below 10^18 VND.")
            .Rule(request.MinReceivedVnd is >= 0 and < 1e18m, "minReceivedVnd", "Số tiền từ 0 đến dưới 10^18 VND.", "An amount from 0 to below 10^18 VND.")
            .Rule(request.MinCompletedProjects is >= 0 and <= 10_000, "minCompletedProjects", "Số dự án từ 0 đến 10.000.", "A number of projects from 0 to 10,000.")
            .Rule(request.MinOnTimeReportPercent is >= 0 and <= 100, "minOnTimeReportPercent", "Tỷ lệ phần trăm từ 0 đến 100.", "A percentage from 0 to 100.")
            .Rule(request.NoNonCompliantInspection is not null, "noNonCompliantInspection", "Trường này là bắt buộc (true/false).", "This field is required (true/false).")
            .ThrowIfInvalid();
        return new(request.MinCommittedVnd!.Value, request.MinReceivedVnd!.Value, request.MinCompletedProjects!.Value,
            request.MinOnTimeReportPercent!.Value, request.NoNonCompliantInspection!.Value, by, at);
    }

    /// <summary>Criteria the same as those in force change nothing (no event).</summary>
    public static IReadOnlyList<object> Decide(SetCommendationCriteria command, CommendationCriteria? current)
    {
        if (current is not null && (current.MinCommittedVnd, current.MinReceivedVnd, current.MinCompletedProjects,
                current.MinOnTimeReportPercent, current.NoNonCompliantInspection)
            == (command.MinCommittedVnd, command.MinReceivedVnd, command.MinCompletedProjects, command.MinOnTimeReportPercent,
                command.NoNonCompliantInspection))
            return [];
        return [new CommendationCriteriaSet(command.MinCommittedVnd, command.MinReceivedVnd, command.MinCompletedProjects,
            command.MinOnTimeReportPercent, command.NoNonCompliantInspection, command.By, command.At)];
    }
}

public static class SetCommendationCriteriaEndpoint
{
    /// <summary>PUT /recognition/criteria; If-Match (the version last read) makes a stale change a 409.</summary>
    public static async Task<Versioned<CommendationCriteria>> Handle(
        SetCommendationCriteriaRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var command = SetCommendationCriteria.From(request, Actor.From(http.User).UserId, clock.GetUtcNow());
        return await session.RunOrStartAsync<CommendationCriteria, CommendationCriteria>(http, CommendationCriteria.StreamId,
            current => SetCommendationCriteria.Decide(command, current),
            async _ => (await session.LoadAsync<CommendationCriteria>(CommendationCriteria.StreamId, http.RequestAborted))!);
    }
}
