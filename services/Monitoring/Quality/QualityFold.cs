using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.Monitoring.Reporting;
using Aid.Domain.Calendar;
using Aid.Domain.Province;

namespace Aid.Monitoring.Quality;

/// <summary>
/// The service-quality index as a pure fold of the report facts known at the as-of instant (store time) over a period
/// of business dates: the same facts and period always give the same index. Rules and weights: README, Service-quality index.
/// </summary>
public static class QualityFold
{
    /// <summary>A stage that ended: who held it, when it started, ended and was due, whether on time, and the event that said so.</summary>
    public sealed record StageRun(string Agency, string Stage, Guid DossierId, string ReceiptCode, DateOnly? Start, DateOnly End, DateOnly? Due, bool? OnTime, Guid EventId);

    /// <summary>A receipt (or a result returned) and whether it went through the portal; the supplement request, if any.</summary>
    public sealed record Handover(Guid DossierId, string ReceiptCode, bool? Online, Guid EventId, DossierSupplementRequested? Supplement = null);

    public sealed record Apology(string Agency, string Stage, Guid DossierId, string ReceiptCode, Guid EventId);

    public sealed record Rating(Guid DossierId, string ReceiptCode, int Score, Guid EventId);

    /// <summary>What one row is computed from.</summary>
    public sealed record Slice(
        IReadOnlyList<StageRun> Stages, IReadOnlyList<Handover> Receipts, IReadOnlyList<Handover> Returns,
        IReadOnlyList<Apology> Apologies, IReadOnlyList<Rating> Ratings);

    public static readonly IReadOnlyList<(string Agency, string Stage)> AgencyStages =
        [("SNV", "intake"), ("CAT", "security"), ("STC", "appraisal"), ("UBND", "decision")];

    public static readonly IReadOnlyDictionary<string, (string Vi, string En)> Procedures = new Dictionary<string, (string, string)>
    {
        ["Programme"] = ("Chương trình", "Programme"),
        ["Project"] = ("Dự án", "Project"),
        ["NonProjectAid"] = ("Viện trợ phi dự án", "Non-project aid"),
        ["EmergencyRelief"] = ("Cứu trợ khẩn cấp", "Emergency relief"),
    };

    /// <summary>The stages and the lost-point components in Vietnamese, for the report's narrative and tables.</summary>
    public static readonly IReadOnlyDictionary<string, string> StageVi = new Dictionary<string, string>
    {
        ["intake"] = "Tiếp nhận", ["security"] = "Thẩm tra an ninh", ["appraisal"] = "Thẩm định", ["decision"] = "Quyết định",
    };

    public static readonly IReadOnlyDictionary<string, string> ComponentVi = new Dictionary<string, string>
    {
        ["late"] = "Trễ hạn", ["supplement"] = "Yêu cầu bổ sung", ["apology"] = "Phiếu xin lỗi",
        ["notReceivedOnline"] = "Không tiếp nhận trực tuyến", ["notReturnedOnline"] = "Không trả kết quả trực tuyến",
        ["rating"] = "Đánh giá chưa hài lòng",
    };

    /// <summary>The only facts the index reads: the endpoint asks the store for these alone.</summary>
    public static readonly Type[] FactTypes =
    [
        typeof(DossierReceived), typeof(DossierAccepted), typeof(SecurityReviewConcluded), typeof(AppraisalReportIssued), typeof(DossierDecided),
        typeof(DossierSupplementRequested), typeof(IntakeApologyIssued), typeof(SecurityApologyIssued), typeof(AppraisalApologyIssued), typeof(ServiceRated),
    ];

    public static QualityIndex Build(IEnumerable<ReportFact> facts, DateOnly from, DateOnly to, DateTimeOffset asOf, WorkingCalendar calendar) =>
        Build(new ReportFacts(facts, asOf), from, to, asOf, calendar);

    /// <summary>The index of the facts already known at <paramref name="asOf"/> (the province report passes its own).</summary>
    public static QualityIndex Build(ReportFacts known, DateOnly from, DateOnly to, DateTimeOffset asOf, WorkingCalendar calendar)
    {
        var all = Gather(known, from, to, calendar);
        var kinds = KindsOf(known);
        var weights = QualityWeights.Default;

        var agencies = AgencyStages.Select(a =>
        {
            var agency = Agencies.Find(a.Agency)!;
            var worked = known.Ratings.Keys.Where(id => a.Agency == "SNV" || StageEndedAnyTime(known, a.Stage, id)).ToHashSet();
            var slice = new Slice(
                all.Stages.Where(s => s.Agency == a.Agency).ToList(),
                a.Agency == "SNV" ? all.Receipts : [], a.Agency == "SNV" ? all.Returns : [],
                all.Apologies.Where(p => p.Agency == a.Agency).ToList(),
                all.Ratings.Where(r => worked.Contains(r.DossierId)).ToList());
            return Row(a.Agency, agency.NameVi, agency.NameEn, slice, weights, calendar);
        }).ToList();

        // The procedures with anything to count in the period.
        var active = all.Stages.Select(s => s.DossierId).Concat(all.Receipts.Select(r => r.DossierId)).Concat(all.Returns.Select(r => r.DossierId))
            .Concat(all.Apologies.Select(a => a.DossierId)).Concat(all.Ratings.Select(r => r.DossierId))
            .Select(id => kinds.GetValueOrDefault(id)).ToHashSet();
        var procedures = Procedures.Where(p => active.Contains(p.Key)).Select(p =>
        {
            bool Of(Guid id) => kinds.GetValueOrDefault(id) == p.Key;
            var slice = new Slice(all.Stages.Where(s => Of(s.DossierId)).ToList(), all.Receipts.Where(r => Of(r.DossierId)).ToList(),
                all.Returns.Where(r => Of(r.DossierId)).ToList(), all.Apologies.Where(a => Of(a.DossierId)).ToList(),
                all.Ratings.Where(r => Of(r.DossierId)).ToList());
            return Row(p.Key, p.Value.Vi, p.Value.En, slice, weights, calendar);
        }).ToList();

        return new QualityIndex(from, to, asOf, known.Count, weights,
            Row("province", "Toàn tỉnh", "Whole province", all, weights, calendar), agencies, procedures);
    }

    /// <summary>Every stage ended, receipt, result, apology and rating whose business date falls in the period.</summary>
    public static Slice Gather(ReportFacts known, DateOnly from, DateOnly to, WorkingCalendar calendar)
    {
        bool In(DateOnly day) => day >= from && day <= to;
        var stages = new List<StageRun>();
        stages.AddRange(known.Accepted.Values.Select(a => new StageRun("SNV", "intake", a.DossierId, a.ReceiptCode, a.ReceiptDate,
            a.AcceptedOn ?? a.Metadata.OccurredAt.VietnamDate(), a.IntakeDueDate, a.IntakeOnTime, a.Metadata.EventId)));
        stages.AddRange(known.Security.Values.Select(s => new StageRun("CAT", "security", s.DossierId, s.ReceiptCode,
            known.Accepted.GetValueOrDefault(s.DossierId)?.AcceptedOn, s.ConcludedOn ?? s.Metadata.OccurredAt.VietnamDate(), s.DueDate, s.OnTime, s.Metadata.EventId)));
        stages.AddRange(known.Appraisals.Values.Select(a => new StageRun("STC", "appraisal", a.DossierId, a.ReceiptCode, a.OpenedOn,
            a.IssuedOn ?? a.Metadata.OccurredAt.VietnamDate(), a.DueDate, a.OnTime, a.Metadata.EventId)));
        stages.AddRange(known.ProvinceDecisions.Values.Select(d => new StageRun("UBND", "decision", d.DossierId, d.ReceiptCode,
            known.Appraisals.GetValueOrDefault(d.DossierId)?.IssuedOn, d.DecisionDate ?? d.Metadata.OccurredAt.VietnamDate(),
            d.DecisionDueDate, d.OnTime, d.Metadata.EventId)));

        var receipts = known.Received.Values.Where(r => In(r.ReceiptDate))
            .Select(r => new Handover(r.DossierId, r.ReceiptCode, r.SubmittedOnline, r.Metadata.EventId, known.Supplements.GetValueOrDefault(r.DossierId)));
        // The result is returned when it is out: approved or refused, by UBND tỉnh or the Prime Minister. Every result
        // reaches the NGO's status page in the portal; it counts as returned online when the NGO used the portal.
        var returns = known.Decisions.Values.Where(d => d.Decided.Outcome != DecisionOutcome.ForwardedToPrimeMinister && In(d.On))
            .Select(d => new Handover(d.Decided.DossierId, d.Decided.ReceiptCode,
                known.Received.GetValueOrDefault(d.Decided.DossierId)?.SubmittedOnline, d.Decided.Metadata.EventId));
        var apologies = known.Apologies.Where(a => In(a.Metadata.OccurredAt.VietnamDate())).Select(a => a switch
        {
            IntakeApologyIssued i => new Apology("SNV", "intake", i.DossierId, i.ReceiptCode, i.Metadata.EventId),
            SecurityApologyIssued s => new Apology("CAT", "security", s.DossierId, s.ReceiptCode, s.Metadata.EventId),
            AppraisalApologyIssued { Stage: ApologisingStage.Decision } d => new Apology("UBND", "decision", d.DossierId, d.ReceiptCode, d.Metadata.EventId),
            AppraisalApologyIssued p => new Apology("STC", "appraisal", p.DossierId, p.ReceiptCode, p.Metadata.EventId),
            _ => throw new InvalidOperationException(a.GetType().Name),
        });
        var ratings = known.Ratings.Values.Where(r => In(r.RatedOn)).Select(r => new Rating(r.DossierId, r.ReceiptCode, r.Score, r.Metadata.EventId));
        return new Slice(
            Ordered(stages.Where(s => In(s.End)), s => s.ReceiptCode, s => s.EventId),
            Ordered(receipts, r => r.ReceiptCode, r => r.EventId), Ordered(returns, r => r.ReceiptCode, r => r.EventId),
            Ordered(apologies, a => a.ReceiptCode, a => a.EventId), Ordered(ratings, r => r.ReceiptCode, r => r.EventId));
    }

    /// <summary>One row: the shares, means and counts, and the score out of 100 less every lost point.</summary>
    public static QualityRow Row(string key, string nameVi, string nameEn, Slice slice, QualityWeights weights, WorkingCalendar calendar)
    {
        var lost = new List<QualityLostPoint>();
        var early = slice.Stages.Count(s => s.OnTime == true && s.Due is { } due && calendar.WorkingDaysBetween(s.End, due) >= 1);
        var onTime = slice.Stages.Count(s => s.OnTime == true) - early;
        var late = slice.Stages.Where(s => s.OnTime == false).ToList();
        var timed = early + onTime + late.Count;
        lost.AddRange(late.Select(s => Lost("late", s.Agency, s.Stage, s.DossierId, s.ReceiptCode, [s.EventId], weights.Timeliness, timed)));

        var supplements = slice.Receipts.Where(r => r.Supplement is not null).ToList();
        lost.AddRange(supplements.Select(r => Lost("supplement", "SNV", "intake", r.DossierId, r.ReceiptCode, [r.Supplement!.Metadata.EventId], weights.Supplements, slice.Receipts.Count)));

        var apologyBase = Math.Max(slice.Stages.Count, slice.Apologies.Count);
        lost.AddRange(slice.Apologies.Select(a => Lost("apology", a.Agency, a.Stage, a.DossierId, a.ReceiptCode, [a.EventId], weights.Apologies, apologyBase)));

        var receivedKnown = slice.Receipts.Where(r => r.Online is not null).ToList();
        lost.AddRange(receivedKnown.Where(r => r.Online == false).Select(r =>
            Lost("notReceivedOnline", "SNV", "intake", r.DossierId, r.ReceiptCode, [r.EventId], weights.ReceivedOnline, receivedKnown.Count)));
        var returnedKnown = slice.Returns.Where(r => r.Online is not null).ToList();
        lost.AddRange(returnedKnown.Where(r => r.Online == false).Select(r =>
            Lost("notReturnedOnline", "SNV", null, r.DossierId, r.ReceiptCode, [r.EventId], weights.ReturnedOnline, returnedKnown.Count)));

        lost.AddRange(slice.Ratings.Where(r => r.Score < 5).Select(r =>
            Lost("rating", key, null, r.DossierId, r.ReceiptCode, [r.EventId], weights.Satisfaction * (5 - r.Score) / 4, slice.Ratings.Count)));

        var stageDays = AgencyStages.Select(a => a.Stage).Where(stage => slice.Stages.Any(s => s.Stage == stage)).Select(stage =>
        {
            var days = slice.Stages.Where(s => s.Stage == stage && s.Start is not null).Select(s => calendar.WorkingDaysBetween(s.Start!.Value, s.End)).ToList();
            return new QualityStageDays(stage, slice.Stages.Count(s => s.Stage == stage), Mean(days.Select(d => (decimal)d).ToList()));
        }).ToList();

        return new QualityRow(key, nameVi, nameEn, slice.Stages.Count, early, onTime, late.Count, slice.Stages.Count - timed,
            ReportFold.Rate(early, timed), ReportFold.Rate(onTime, timed), ReportFold.Rate(late.Count, timed), stageDays,
            slice.Receipts.Count, supplements.Count, ReportFold.Rate(supplements.Count, slice.Receipts.Count),
            slice.Apologies.Count,
            receivedKnown.Count(r => r.Online == true), ReportFold.Rate(receivedKnown.Count(r => r.Online == true), receivedKnown.Count),
            slice.Returns.Count, returnedKnown.Count(r => r.Online == true), ReportFold.Rate(returnedKnown.Count(r => r.Online == true), returnedKnown.Count),
            slice.Ratings.Count, Mean(slice.Ratings.Select(r => (decimal)r.Score).ToList()),
            Score(lost), lost);
    }

    /// <summary>A component of weight W spread over N cases: each case that fails it loses W / N (rounded to 4 places).</summary>
    public static decimal Share(decimal weight, int cases) => Math.Round(weight / cases, 4, MidpointRounding.AwayFromZero);

    public static decimal Score(IEnumerable<QualityLostPoint> lost) => Math.Round(100 - lost.Sum(l => l.Points), 2, MidpointRounding.AwayFromZero);

    private static QualityLostPoint Lost(string component, string agency, string? stage, Guid dossierId, string receiptCode, IReadOnlyList<Guid> eventIds, decimal weight, int cases) =>
        new(component, agency, stage, dossierId, receiptCode, eventIds, Share(weight, cases));

    private static decimal? Mean(IReadOnlyList<decimal> values) =>
        values.Count == 0 ? null : Math.Round(values.Sum() / values.Count, 2, MidpointRounding.AwayFromZero);

    private static List<T> Ordered<T>(IEnumerable<T> items, Func<T, string> code, Func<T, Guid> id) =>
        items.OrderBy(code, StringComparer.Ordinal).ThenBy(id).ToList();

    private static bool StageEndedAnyTime(ReportFacts known, string stage, Guid dossierId) => stage switch
    {
        "intake" => known.Accepted.ContainsKey(dossierId),
        "security" => known.Security.ContainsKey(dossierId),
        "appraisal" => known.Appraisals.ContainsKey(dossierId),
        _ => known.ProvinceDecisions.ContainsKey(dossierId),
    };

    /// <summary>The procedure (aid kind) of each known dossier.</summary>
    private static Dictionary<Guid, string> KindsOf(ReportFacts known)
    {
        var kinds = new Dictionary<Guid, string>();
        foreach (var (id, d) in known.Decisions) if (d.Decided.AidKind is { } k) kinds[id] = k;
        foreach (var (id, a) in known.Accepted) kinds[id] = a.AidKind;
        foreach (var (id, r) in known.Received) kinds[id] = r.AidKind;
        return kinds;
    }
}
