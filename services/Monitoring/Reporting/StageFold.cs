using Aid.Domain.Calendar;

namespace Aid.Monitoring.Reporting;

/// <summary>Processing time (working days) and on-time rate of each stage, for the stages that ended in the period.</summary>
public static class StageFold
{
    private sealed record Ended(DateOnly? Start, DateOnly End, bool? OnTime);

    public static IReadOnlyList<StageFigures> Stages(ReportFacts known, ReportPeriod period, WorkingCalendar calendar) =>
    [
        Figures("intake", "SNV", known.Accepted.Values.Select(a =>
            new Ended(a.ReceiptDate, a.AcceptedOn ?? a.Metadata.OccurredAt.VietnamDate(), a.IntakeOnTime)), period, calendar),
        Figures("security", "CAT", known.Security.Values.Select(s =>
            new Ended(known.Accepted.GetValueOrDefault(s.DossierId)?.AcceptedOn, s.ConcludedOn ?? s.Metadata.OccurredAt.VietnamDate(), s.OnTime)), period, calendar),
        Figures("appraisal", "STC", known.Appraisals.Values.Select(a =>
            new Ended(a.OpenedOn, a.IssuedOn ?? a.Metadata.OccurredAt.VietnamDate(), a.OnTime)), period, calendar),
        Figures("decision", "UBND", known.Decisions.Values.Select(d =>
            new Ended(known.Appraisals.GetValueOrDefault(d.Decided.DossierId)?.IssuedOn, d.On, d.Decided.OnTime)), period, calendar),
    ];

    private static StageFigures Figures(string stage, string agency, IEnumerable<Ended> all, ReportPeriod period, WorkingCalendar calendar)
    {
        var ended = all.Where(e => period.Contains(e.End)).ToList();
        var timed = ended.Where(e => e.Start is not null).Select(e => calendar.WorkingDaysBetween(e.Start!.Value, e.End)).ToList();
        var onTime = ended.Count(e => e.OnTime == true);
        var late = ended.Count(e => e.OnTime == false);
        return new StageFigures(stage, agency, ReportFold.AgencyVi(agency), ended.Count,
            timed.Count == 0 ? null : Math.Round((decimal)timed.Sum() / timed.Count, 2, MidpointRounding.AwayFromZero),
            onTime, late, ended.Count - onTime - late, ReportFold.Rate(onTime, onTime + late));
    }
}
