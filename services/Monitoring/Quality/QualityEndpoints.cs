using Aid.Monitoring.Reporting;
using Aid.Domain.Calendar;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Quality;

/// <summary>The service-quality index (issue 18): read by those who read the province reports.</summary>
public static class QualityEndpoints
{
    public static IEndpointRouteBuilder MapQuality(this IEndpointRouteBuilder app)
    {
        app.MapGet("/quality", Get).WithTags("ProvinceReports").WithName("GetQualityIndex")
            .WithSummary("The service-quality index per agency and per procedure for a period (from, to: yyyy-MM-dd) as known at asOf " +
                         "(ISO 8601 instant with an offset; default now); the same asOf always gives the same index")
            .RequireAuthorization(ReportAccess.Read)
            .Produces<QualityIndex>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> Get(string? from, string? to, string? asOf,
        IQuerySession session, WorkingCalendar calendar, TimeProvider clock, HttpContext http)
    {
        var now = clock.GetUtcNow();
        var index = await Build(from, to, asOf, now, session, calendar, http.RequestAborted);
        // Facts may still arrive for a period not yet over, or up to an as-of still ahead.
        http.Response.Headers["X-Report-Provisional"] = index.AsOf > now || ReportPeriod.EndOfDay(index.To) > now ? "true" : "false";
        return Results.Ok(index);
    }

    public static async Task<QualityIndex> Build(
        string? from, string? to, string? asOf, DateTimeOffset now, IQuerySession session, WorkingCalendar calendar, CancellationToken ct)
    {
        var check = new InputCheck();
        var start = check.Date("from", from);
        var end = check.Date("to", to);
        var instant = ReportQueries.Instant(check, "asOf", asOf);
        check.ThrowIfInvalid();
        new InputCheck().Rule(start <= end, "to", "Ngày cuối kỳ phải sau hoặc bằng ngày đầu kỳ.", "The period's end must not be before its start.")
            .ThrowIfInvalid();
        var cutOff = instant ?? now;
        var facts = await ReportQueries.FactsUpTo(session, cutOff, ct, QualityFold.FactTypes);
        return QualityFold.Build(facts, start!.Value, end!.Value, cutOff, calendar);
    }
}
