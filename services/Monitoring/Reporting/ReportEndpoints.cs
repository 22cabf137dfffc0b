using Aid.Monitoring.Projects;
using Aid.Domain.Calendar;
using Marten;
using Microsoft.Extensions.Options;

namespace Aid.Monitoring.Reporting;

public sealed record ReportingSettings(ProvincePreset Effective, IReadOnlyList<ProvincePreset> Presets, int ReminderWorkingDays, IReadOnlyList<string> ContributingAgencies);

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapProvinceReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/province-reports").WithTags("ProvinceReports")
            .RequireAuthorization(ReportAccess.Read)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        reports.MapGet("/settings", (IOptions<ReportingOptions> options) => Results.Ok(new ReportingSettings(
                options.Value.Effective(), ReportingOptions.Presets, options.Value.ReminderWorkingDays, options.Value.Contributors)))
            .WithName("GetReportingSettings").WithSummary("The province's reporting calendar, the presets and the reminder settings")
            .Produces<ReportingSettings>();
        reports.MapGet("/{kind}/{year:int}", Report)
            .WithName("GetProvinceReport")
            .WithSummary("The annual or six-monthly report (kind: annual | six-monthly) as known at the cut-off; the same cut-off always gives the same report")
            .Produces<ProvinceReport>().ProducesValidationProblem();
        reports.MapGet("/{kind}/{year:int}/xlsx", Xlsx)
            .WithName("ExportProvinceReportXlsx").WithSummary("Every table of the report, one sheet each")
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType).ProducesValidationProblem();
        reports.MapGet("/{kind}/{year:int}/docx", Docx)
            .WithName("ExportProvinceReportDocx").WithSummary("The narrative report in Vietnamese with its tables and charts")
            .Produces(StatusCodes.Status200OK, contentType: DocxExport.ContentType).ProducesValidationProblem();
        reports.MapGet("/{kind}/{year:int}/reminders", Reminders)
            .WithName("GetProvinceReportReminders").WithSummary("Reminders sent to the contributing agencies for the report")
            .Produces<IReadOnlyList<ReportReminderSent>>().ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> Report(string kind, int year, string? periodStart, string? periodEnd, string? cutOff,
        IQuerySession session, IOptions<ReportingOptions> options, WorkingCalendar calendar, TimeProvider clock, HttpContext http)
    {
        var report = await ReportQueries.Build(kind, year, periodStart, periodEnd, cutOff, session, options, calendar, http.RequestAborted);
        MarkProvisional(report, clock, http);
        return Results.Ok(report);
    }

    private static async Task<IResult> Xlsx(string kind, int year, string? periodStart, string? periodEnd, string? cutOff,
        IQuerySession session, IOptions<ReportingOptions> options, WorkingCalendar calendar, TimeProvider clock, HttpContext http)
    {
        var report = await ReportQueries.Build(kind, year, periodStart, periodEnd, cutOff, session, options, calendar, http.RequestAborted);
        MarkProvisional(report, clock, http);
        return Results.File(XlsxExport.Write(report), XlsxExport.ContentType, $"bao-cao-{report.Kind.ToString().ToLowerInvariant()}-{year}.xlsx");
    }

    private static async Task<IResult> Docx(string kind, int year, string? periodStart, string? periodEnd, string? cutOff,
        IQuerySession session, IOptions<ReportingOptions> options, WorkingCalendar calendar, TimeProvider clock, HttpContext http)
    {
        var report = await ReportQueries.Build(kind, year, periodStart, periodEnd, cutOff, session, options, calendar, http.RequestAborted);
        MarkProvisional(report, clock, http);
        return Results.File(DocxExport.Write(report), DocxExport.ContentType, $"bao-cao-{report.Kind.ToString().ToLowerInvariant()}-{year}.docx");
    }

    private static async Task<IResult> Reminders(string kind, int year, IQuerySession session, IOptions<ReportingOptions> options, HttpContext http)
    {
        var period = ReportQueries.Period(kind, year, null, null, null, options.Value.Effective());
        var reminders = await session.Events.AggregateStreamAsync<ReportReminders>(ReportReminders.StreamId(period.Key), token: http.RequestAborted);
        return Results.Ok(reminders?.Sent ?? []);
    }

    /// <summary>A cut-off still in the future: facts may yet arrive, so the figures can change until then.</summary>
    private static void MarkProvisional(ProvinceReport report, TimeProvider clock, HttpContext http) =>
        http.Response.Headers["X-Report-Provisional"] = report.CutOff > clock.GetUtcNow() ? "true" : "false";
}
