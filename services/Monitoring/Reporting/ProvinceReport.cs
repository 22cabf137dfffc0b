using Aid.Contracts.Monitoring;
using Aid.Monitoring.PlanTasks;

namespace Aid.Monitoring.Reporting;

/// <summary>One fact the report folds: an event of Monitoring's store with its store time.</summary>
public sealed record ReportFact(long Sequence, DateTimeOffset RecordedAt, Guid StreamId, object Data);

public sealed record CountBy(string Key, int Count);

public sealed record CurrencyAmount(string Currency, decimal Amount);

/// <summary>Aid in one group: how many projects, the amounts in their original currencies, and the VND total.
/// Unconverted: amounts with no known VND rate (left out of Vnd, kept in Original).</summary>
public sealed record AidGroup(string Key, int Projects, IReadOnlyList<CurrencyAmount> Original, decimal Vnd, int Unconverted);

public sealed record AidBreakdown(
    decimal TotalVnd,
    IReadOnlyList<CurrencyAmount> Original,
    IReadOnlyList<AidGroup> BySector,
    IReadOnlyList<AidGroup> ByCommune,
    IReadOnlyList<AidGroup> ByDonorCountry,
    IReadOnlyList<AidGroup> ByAidKind,
    IReadOnlyList<AidGroup> ByYear);

public sealed record NgoFigures(int Active, IReadOnlyList<CountBy> ByCountry, IReadOnlyList<CountBy> ByCertificateKind);

public sealed record DossierFigures(int Received, int Approved, int Refused, int Withdrawn, int Forwarded);

/// <summary>A stage of the procedure: dossiers that finished it in the period, the mean working days it took, and
/// how many ended by their due date (Unknown: no on-time flag on the event).</summary>
public sealed record StageFigures(
    string Stage, string Agency, string AgencyVi, int Count, decimal? AverageWorkingDays, int OnTime, int Late, int Unknown, decimal? OnTimeRate);

public sealed record InspectionLine(string ReceiptCode, DateOnly InspectedOn, string Verdict);

public sealed record InspectionFigures(int Total, IReadOnlyList<CountBy> ByVerdict, IReadOnlyList<InspectionLine> Items);

public sealed record OverdueReportLine(string ReceiptCode, string NgoName, string ReportKey, DateOnly DueDate);

public sealed record NotStartedLine(string ReceiptCode, string NgoName, DateOnly DecisionDate, DateOnly DueBy, DateOnly? StartedOn);

public sealed record MobilisationLine(string Sector, decimal TargetVnd, decimal CommittedVnd, decimal? Progress);

public sealed record MobilisationFigures(
    bool PlanAdopted, decimal TargetVnd, decimal CommittedVnd, decimal? Progress, IReadOnlyList<MobilisationLine> Sectors,
    int CatalogueEntriesPublished, int CatalogueEntriesFundedPartly, int CatalogueEntriesFundedFully);

public sealed record Headline(
    int NgosActive, int DossiersReceived, int Approved, int Refused, int Withdrawn, int Forwarded,
    decimal CommittedVnd, decimal ReceivedVnd, int Inspections);

/// <summary>A task of the year's plan as it stood at the cut-off; late agencies as of the cut-off day.</summary>
public sealed record PlanTaskLine(
    string Title, string LeadAgency, IReadOnlyList<string> PartnerAgencies, string Product, DateOnly StartOn, DateOnly DueOn,
    IReadOnlyList<AgencyProgress> Progress, bool Done, IReadOnlyList<string> LateAgencies, IReadOnlyList<AgencyContribution> Contributions);

public sealed record YearComparison(int PreviousYear, Headline Current, Headline Previous);

/// <summary>The province's report on foreign NGO work for a period, as known at the cut-off.</summary>
public sealed record ProvinceReport(
    string Province,
    string ProvinceVi,
    ProvinceReportKind Kind,
    int Year,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly DueDate,
    DateTimeOffset CutOff,
    int FactsCounted,
    NgoFigures Ngos,
    DossierFigures Dossiers,
    AidBreakdown Committed,
    AidBreakdown Received,
    IReadOnlyList<StageFigures> Stages,
    InspectionFigures Inspections,
    IReadOnlyList<OverdueReportLine> OverdueReports,
    IReadOnlyList<NotStartedLine> ApprovalsNotStarted,
    MobilisationFigures Mobilisation,
    YearComparison Comparison,
    IReadOnlyList<PlanTaskLine> PlanTasks)
{
    /// <summary>The service-quality index for the report's period as of its cut-off (see Quality/).</summary>
    public Aid.Monitoring.Quality.QualityIndex? Quality { get; init; }
}
