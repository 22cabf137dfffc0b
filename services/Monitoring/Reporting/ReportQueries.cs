using Aid.Contracts.Monitoring;
using System.Globalization;
using Aid.Monitoring.Projects;
using Aid.Domain.Calendar;
using Aid.Domain.Rules;
using Marten;
using Marten.Events;
using Microsoft.Extensions.Options;

namespace Aid.Monitoring.Reporting;

/// <summary>Reads the facts up to a cut-off and folds them into the report; parses and checks the request.</summary>
public static class ReportQueries
{
    public static ReportPeriod Period(
        string kind, int year, string? periodStart, string? periodEnd, string? cutOff, ProvincePreset preset)
    {
        var check = new InputCheck();
        var parsedKind = kind switch
        {
            "annual" => ProvinceReportKind.Annual,
            "six-monthly" => ProvinceReportKind.SixMonthly,
            _ => (ProvinceReportKind?)null,
        };
        check.Rule(parsedKind is not null, "kind", "Loại báo cáo phải là annual hoặc six-monthly.", "The report kind must be annual or six-monthly.");
        check.Rule(year is >= 2001 and <= 2100, "year", "Năm phải từ 2001 đến 2100.", "The year must be between 2001 and 2100.");
        var start = check.Date("periodStart", periodStart, required: false);
        var end = check.Date("periodEnd", periodEnd, required: false);
        var instant = Instant(check, "cutOff", cutOff);
        check.ThrowIfInvalid();

        var period = ReportPeriod.For(parsedKind!.Value, year, preset);
        period = period with { Start = start ?? period.Start, End = end ?? period.End };
        period = period with { CutOff = instant ?? (end is null ? period.CutOff : ReportPeriod.EndOfDay(period.End)) };
        new InputCheck().Rule(period.Start <= period.End, "periodEnd", "Ngày cuối kỳ phải sau hoặc bằng ngày đầu kỳ.",
            "The period's end must not be before its start.").ThrowIfInvalid();
        return period;
    }

    /// <summary>An optional ISO 8601 instant with an offset (a cut-off, an as-of).</summary>
    public static DateTimeOffset? Instant(InputCheck check, string field, string? value)
    {
        if (value is null)
            return null;
        if (System.Text.RegularExpressions.Regex.IsMatch(value, @"^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})$")
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return parsed;
        check.Rule(false, field, "Thời điểm chốt số liệu phải theo ISO 8601 có múi giờ, ví dụ 2026-10-31T23:59:59+07:00.",
            "The cut-off must be an ISO 8601 instant with an offset, e.g. 2026-10-31T23:59:59+07:00.");
        return null;
    }

    /// <summary>Every event recorded up to the cut-off (store time), in store order.</summary>
    /// <param name="types">Only events of these types (none: every event).</param>
    public static async Task<IReadOnlyList<ReportFact>> FactsUpTo(
        IQuerySession session, DateTimeOffset cutOff, CancellationToken cancellationToken, params Type[] types)
    {
        var utc = cutOff.ToUniversalTime();
        var query = session.Events.QueryAllRawEvents().Where(e => e.Timestamp <= utc);
        if (types.Length > 0)
            query = query.Where(e => e.EventTypesAre(types));
        var events = await query
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return events.Select(e => new ReportFact(e.Sequence, e.Timestamp, e.StreamId, e.Data)).ToList();
    }

    public static async Task<ProvinceReport> Build(
        string kind, int year, string? periodStart, string? periodEnd, string? cutOff,
        IQuerySession session, IOptions<ReportingOptions> options, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var preset = options.Value.Effective();
        var period = Period(kind, year, periodStart, periodEnd, cutOff, preset);
        var facts = await FactsUpTo(session, period.CutOff, cancellationToken);
        return ReportFold.Build(period, preset, facts, calendar);
    }
}
