namespace Aid.Portal.Api;

/// <summary>The parts of Monitoring's province report (GET /province-reports/{kind}/{year}) the portal shows.</summary>
public sealed record ReportCount(string Key, int Count);
public sealed record ReportAidGroup(string Key, int Projects, decimal Vnd, int Unconverted);
public sealed record ReportAid(decimal TotalVnd, IReadOnlyList<ReportAidGroup> BySector, IReadOnlyList<ReportAidGroup> ByDonorCountry);
public sealed record ReportNgos(int Active, IReadOnlyList<ReportCount> ByCountry);
public sealed record ReportDossiers(int Received, int Approved, int Refused, int Withdrawn, int Forwarded);
public sealed record ReportStage(string Stage, string Agency, string AgencyVi, int Count, decimal? AverageWorkingDays, int OnTime, int Late, int Unknown, decimal? OnTimeRate);
public sealed record ReportInspections(int Total, IReadOnlyList<ReportCount> ByVerdict);
public sealed record ReportOverdue(string ReceiptCode, string NgoName, string ReportKey, DateOnly DueDate);
public sealed record ReportNotStarted(string ReceiptCode, string NgoName, DateOnly DecisionDate, DateOnly DueBy, DateOnly? StartedOn);
public sealed record ReportMobilisationLine(string Sector, decimal TargetVnd, decimal CommittedVnd, decimal? Progress);
public sealed record ReportMobilisation(bool PlanAdopted, decimal TargetVnd, decimal CommittedVnd, decimal? Progress, IReadOnlyList<ReportMobilisationLine> Sectors);
public sealed record ReportHeadline(int NgosActive, int DossiersReceived, int Approved, int Refused, int Withdrawn, int Forwarded, decimal CommittedVnd, decimal ReceivedVnd, int Inspections);
public sealed record ReportComparison(int PreviousYear, ReportHeadline Current, ReportHeadline Previous);

public sealed record ProvinceReportView(
    string Province, string ProvinceVi, string Kind, int Year, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate, DateTimeOffset CutOff,
    ReportNgos Ngos, ReportDossiers Dossiers, ReportAid Committed, ReportAid Received, IReadOnlyList<ReportStage> Stages,
    ReportInspections Inspections, IReadOnlyList<ReportOverdue> OverdueReports, IReadOnlyList<ReportNotStarted> ApprovalsNotStarted,
    ReportMobilisation Mobilisation, ReportComparison Comparison)
{
    /// <summary>The service-quality index for the period as of the cut-off.</summary>
    public QualityIndexView? Quality { get; init; }
}

public sealed record TaskProgress(string Agency, int Percent, string Note, DateOnly ReportedOn);
public sealed record TaskContribution(string Agency, string Text, DateOnly WrittenOn);

/// <summary>A task of the plan (GET /plan-tasks).</summary>
public sealed record PlanTaskItem(
    Guid Id, int Year, string Title, string LeadAgency, IReadOnlyList<string> PartnerAgencies, string Product, DateOnly StartOn, DateOnly DueOn,
    IReadOnlyList<TaskProgress> Progress, IReadOnlyList<TaskContribution> Contributions, bool Done, bool Late, IReadOnlyList<string> LateAgencies, long Version);

public static class ReportDownloads
{
    /// <summary>Exports pass through the portal, which adds the reader's token the browser does not hold.</summary>
    public static WebApplication MapReportDownloads(this WebApplication app)
    {
        app.MapGet("/report-export/{kind}/{year:int}/{format}", (string kind, int year, string format, string? cutOff, HttpContext http,
            ServiceApi api, CancellationToken ct) =>
        {
            if (format is not ("xlsx" or "docx") || kind is not ("annual" or "six-monthly"))
                return Task.FromResult(Results.NotFound());
            var query = cutOff is null ? "" : "?cutOff=" + Uri.EscapeDataString(cutOff);
            return api.As(http.User).DownloadAsync(Service.Monitoring, $"/province-reports/{kind}/{year}/{format}{query}", $"bao-cao-{kind}-{year}.{format}",
                status => Texts.L($"Dịch vụ theo dõi trả lời lỗi {status}.", $"The monitoring service answered {status}."), ct);
        }).RequireAuthorization(DownloadAccess.ProvinceReports);
        return app;
    }
}

/// <summary>Monitoring's service-quality index (GET /quality?from=&amp;to=&amp;asOf=).</summary>
public sealed record QualityLostPointView(string Component, string Agency, string? Stage, Guid DossierId, string ReceiptCode, IReadOnlyList<Guid> EventIds, decimal Points);
public sealed record QualityStageDaysView(string Stage, int Count, decimal? AverageWorkingDays);
public sealed record QualityRowView(
    string Key, string NameVi, string NameEn, int StagesEnded, int Early, int OnTime, int Late, int Unknown,
    decimal? EarlyShare, decimal? OnTimeShare, decimal? LateShare, IReadOnlyList<QualityStageDaysView> StageDays,
    int Received, int SupplementRequests, decimal? SupplementRate, int Apologies, int ReceivedOnline, decimal? ReceivedOnlineShare,
    int Returned, int ReturnedOnline, decimal? ReturnedOnlineShare, int Ratings, decimal? AverageRating, decimal Score,
    IReadOnlyList<QualityLostPointView> LostPoints);
public sealed record QualityWeightsView(decimal Timeliness, decimal Supplements, decimal Apologies, decimal ReceivedOnline, decimal ReturnedOnline, decimal Satisfaction);
public sealed record QualityIndexView(
    DateOnly From, DateOnly To, DateTimeOffset AsOf, int FactsCounted, QualityWeightsView Weights,
    QualityRowView Province, IReadOnlyList<QualityRowView> Agencies, IReadOnlyList<QualityRowView> Procedures);
