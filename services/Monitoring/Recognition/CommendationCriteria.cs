using System.Globalization;
using Aid.Domain.Rules;

namespace Aid.Monitoring.Recognition;

/// <summary>The commendation criteria in force; one stream (<see cref="StreamId"/>), each change an event.</summary>
public sealed record CommendationCriteria(
    decimal MinCommittedVnd,
    decimal MinReceivedVnd,
    int MinCompletedProjects,
    decimal MinOnTimeReportPercent,
    bool NoNonCompliantInspection,
    string SetBy,
    DateTimeOffset SetAt)
{
    public static readonly Guid StreamId = new("c0ffee00-0000-4000-8000-00000000c717");

    public Guid Id { get; init; } = StreamId;
    public long Version { get; set; }

    public static CommendationCriteria Create(CommendationCriteriaSet e) => new(
        e.MinCommittedVnd, e.MinReceivedVnd, e.MinCompletedProjects, e.MinOnTimeReportPercent, e.NoNonCompliantInspection,
        e.SetBy, e.SetAt);

    public CommendationCriteria Apply(CommendationCriteriaSet e) => Create(e) with { Version = Version };

    /// <summary>
    /// The criteria the record falls short of (empty: it meets them all). A record with no report due yet has no
    /// on-time rate: it meets a minimum rate only when that minimum is 0.
    /// </summary>
    public IReadOnlyList<Bilingual> Unmet(ContributionRecord r)
    {
        var unmet = new List<Bilingual>();
        if (r.CommittedVnd < MinCommittedVnd)
            unmet.Add(new($"Viện trợ cam kết {Vnd(r.CommittedVnd)} VND, dưới mức {Vnd(MinCommittedVnd)} VND.",
                $"Aid committed {Vnd(r.CommittedVnd)} VND, below {Vnd(MinCommittedVnd)} VND."));
        if (r.ReceivedVnd < MinReceivedVnd)
            unmet.Add(new($"Viện trợ đã tiếp nhận {Vnd(r.ReceivedVnd)} VND, dưới mức {Vnd(MinReceivedVnd)} VND.",
                $"Aid received {Vnd(r.ReceivedVnd)} VND, below {Vnd(MinReceivedVnd)} VND."));
        if (r.CompletedProjects < MinCompletedProjects)
            unmet.Add(new($"{r.CompletedProjects} dự án hoàn thành, cần ít nhất {MinCompletedProjects}.",
                $"{r.CompletedProjects} projects completed, at least {MinCompletedProjects} needed."));
        if (MinOnTimeReportPercent > 0 && (r.OnTimeReportPercent ?? -1) < MinOnTimeReportPercent)
            unmet.Add(new($"Tỷ lệ báo cáo đúng hạn {Percent(r)}, cần ít nhất {MinOnTimeReportPercent.ToString(CultureInfo.InvariantCulture)}%.",
                $"Reports on time {Percent(r)}, at least {MinOnTimeReportPercent.ToString(CultureInfo.InvariantCulture)}% needed."));
        if (NoNonCompliantInspection && r.NonCompliantInspections > 0)
            unmet.Add(new($"Có {r.NonCompliantInspections} kết luận kiểm tra không tuân thủ.",
                $"{r.NonCompliantInspections} inspection(s) found non-compliance."));
        return unmet;
    }

    private static string Vnd(decimal amount) => amount.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(ContributionRecord r) => r.OnTimeReportPercent is { } p ? $"{p.ToString(CultureInfo.InvariantCulture)}%" : "—";
}
