using Aid.Contracts.Monitoring;
using ProjectMonitoringStarted = Aid.Monitoring.Projects.ProjectMonitoringStarted;
using Aid.Monitoring.Projects;
using Aid.Domain.Calendar;
using Aid.Domain.Rules;
using Xunit;

namespace Aid.UnitTests.Monitoring;

/// <summary>The pure Decide functions of the monitoring commands and of overdue detection.</summary>
public sealed class ProjectDecisionTests
{
    private static readonly DateOnly Decided = new(2026, 3, 2);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly WorkingCalendar Calendar =
        WorkingCalendar.FromFile(Path.Combine(AppContext.BaseDirectory, "reference-data", "vn-days-off.csv"));

    private static MonitoredProject Approved()
    {
        var schedule = ReportingSchedule.Build(new DateOnly(2026, 3, 2), new DateOnly(2027, 12, 31), Decided, 60, Calendar);
        return MonitoredProject.Create(new ProjectMonitoringStarted(Guid.NewGuid(), "SNV-20260301-001", Guid.NewGuid(),
            "Clean water", 1_000_000_000m, new DateOnly(2026, 3, 2), new DateOnly(2027, 12, 31), "123/QĐ-UBND", Decided,
            "Chủ tịch", [], schedule, Decided.AddMonths(6), DateTimeOffset.UtcNow));
    }

    private static MonitoredProject Apply(MonitoredProject project, IEnumerable<object> events) =>
        events.Aggregate(project, (p, e) => e switch
        {
            AidTrancheReceived x => p.Apply(x),
            ProgressReportReceived x => p.Apply(x),
            InspectionRecorded x => p.Apply(x),
            ImplementationStarted x => p.Apply(x),
            ProjectSuspended x => p.Apply(x),
            ProjectResumed x => p.Apply(x),
            ProjectCompleted x => p.Apply(x),
            ProjectClosed x => p.Apply(x),
            ProgressReportBecameOverdue x => p.Apply(x),
            ImplementationDelayFlagged x => p.Apply(x),
            _ => throw new InvalidOperationException(e.GetType().Name),
        });

    private static MonitoredProject Implementing() =>
        Apply(Approved(), RecordImplementationStarted.Decide(new(new DateOnly(2026, 4, 1), Today), Approved()));

    private static MonitoredProject Completed()
    {
        var implementing = Implementing();
        return Apply(implementing, CompleteProject.Decide(new(new DateOnly(2026, 11, 20), Today), implementing));
    }

    private static RecordAidTranche Tranche(decimal amount = 5000m, DateOnly? on = null) =>
        new(Guid.NewGuid(), amount, "USD", on ?? new DateOnly(2026, 5, 1), "first", Today);

    [Fact]
    public void A_tranche_is_recorded()
    {
        var e = Assert.IsType<AidTrancheReceived>(Assert.Single(RecordAidTranche.Decide(Tranche(), Approved())));
        Assert.Equal((5000m, "USD"), (e.Amount, e.Currency));
    }

    [Fact]
    public void A_tranche_is_valued_in_VND_at_the_approved_rate_only_when_the_rate_is_known()
    {
        var project = Approved() with { Summary = new ApprovedSummary { Amount = 40_000m, Currency = "USD" } };
        AidTrancheReceived Recorded(MonitoredProject p, decimal amount, string currency) => Assert.IsType<AidTrancheReceived>(
            Assert.Single(RecordAidTranche.Decide(new(Guid.NewGuid(), amount, currency, Decided, null, Today), p)));

        Assert.Equal(125_000_000m, Recorded(project, 5000m, "USD").AmountVnd);
        Assert.Equal(7_000_000m, Recorded(project, 7_000_000m, "VND").AmountVnd);
        Assert.Null(Recorded(project, 5000m, "EUR").AmountVnd);
        Assert.Null(Recorded(Approved(), 5000m, "USD").AmountVnd);
        Assert.Equal("SNV-20260301-001", Recorded(project, 1m, "USD").ReceiptCode);
    }

    [Fact]
    public void The_same_tranche_twice_is_refused()
    {
        var project = Apply(Approved(), RecordAidTranche.Decide(Tranche(), Approved()));
        Assert.Equal("tranche-already-recorded", Assert.Throws<RuleViolation>(() => RecordAidTranche.Decide(Tranche(), project)).Code);
        Assert.Single(RecordAidTranche.Decide(Tranche(amount: 6000m), project));
    }

    [Fact]
    public void No_tranche_dated_in_the_future_or_before_the_decision()
    {
        var future = Assert.Throws<RuleViolation>(() => RecordAidTranche.Decide(Tranche(on: Today.AddDays(1)), Approved()));
        Assert.Equal(("date-in-future", 422), (future.Code, future.Status));
        Assert.Equal("date-too-early", Assert.Throws<RuleViolation>(
            () => RecordAidTranche.Decide(Tranche(on: Decided.AddDays(-1)), Approved())).Code);
    }

    [Fact]
    public void No_tranche_while_suspended()
    {
        var suspended = Apply(Approved(), SuspendProject.Decide(new("audit", Today), Approved()));
        Assert.Equal("project-suspended", Assert.Throws<RuleViolation>(() => RecordAidTranche.Decide(Tranche(), suspended)).Code);
    }

    [Fact]
    public void A_report_is_on_time_until_its_due_date_and_late_after()
    {
        var onTime = Assert.IsType<ProgressReportReceived>(Assert.Single(RecordProgressReport.Decide(
            new("2026-H1", new DateOnly(2026, 7, 15), "half year", false, Today), Implementing())));
        Assert.True(onTime.OnTime);
        var late = Assert.IsType<ProgressReportReceived>(Assert.Single(RecordProgressReport.Decide(
            new("2026-H1", new DateOnly(2026, 7, 16), "half year", false, Today), Implementing())));
        Assert.False(late.OnTime);
    }

    [Fact]
    public void A_periodic_report_is_accepted_only_once_its_period_has_ended()
    {
        var early = Assert.Throws<RuleViolation>(() => RecordProgressReport.Decide(
            new("2026-H1", new DateOnly(2026, 6, 30), "half year", false, Today), Implementing()));
        Assert.Equal("report-period-not-ended", early.Code);
        Assert.Contains("01/07/2026", early.Text.Vi);
        Assert.Contains("1 Jul 2026", early.Text.En);
        Assert.Single(RecordProgressReport.Decide(new("2026-H1", new DateOnly(2026, 7, 1), "half year", false, Today), Implementing()));
    }

    [Fact]
    public void A_report_is_received_once_and_must_be_on_the_schedule()
    {
        var project = Apply(Implementing(), RecordProgressReport.Decide(
            new("2026-H1", new DateOnly(2026, 7, 10), "half year", false, Today), Implementing()));
        Assert.Equal("report-already-received", Assert.Throws<RuleViolation>(() => RecordProgressReport.Decide(
            new("2026-H1", new DateOnly(2026, 7, 11), "again", false, Today), project)).Code);
        var unknown = Assert.Throws<RuleViolation>(() => RecordProgressReport.Decide(
            new("2031-H1", new DateOnly(2026, 7, 11), "?", false, Today), project));
        Assert.Equal(("unknown-report", 422), (unknown.Code, unknown.Status));
    }

    [Fact]
    public void The_final_report_only_after_completion()
    {
        Assert.Equal("final-report-before-completion", Assert.Throws<RuleViolation>(() => RecordProgressReport.Decide(
            new("final", Today, "final", false, Today), Implementing())).Code);
        Assert.Single(RecordProgressReport.Decide(new("final", Today, "final", false, Today), Completed()));
    }

    [Fact]
    public void An_inspection_is_recorded_once()
    {
        var command = new RecordInspection(Guid.NewGuid(), new DateOnly(2026, 9, 9), ["A", "B"], "fine", ComplianceVerdict.MinorIssues, Today);
        var project = Apply(Implementing(), RecordInspection.Decide(command, Implementing()));
        Assert.Equal(ComplianceVerdict.MinorIssues, Assert.Single(project.Inspections).Verdict);
        Assert.Equal("inspection-already-recorded", Assert.Throws<RuleViolation>(() => RecordInspection.Decide(command, project)).Code);
    }

    [Fact]
    public void Suspension_and_resumption_return_to_the_previous_status()
    {
        var suspended = Apply(Implementing(), SuspendProject.Decide(new("non-compliance", Today), Implementing()));
        Assert.Equal(MonitoringStatus.Suspended, suspended.Status);
        Assert.Equal("cannot-suspend", Assert.Throws<RuleViolation>(() => SuspendProject.Decide(new("again", Today), suspended)).Code);
        var resumed = Apply(suspended, ResumeProject.Decide(new(null, Today), suspended));
        Assert.Equal(MonitoringStatus.Implementing, resumed.Status);
        Assert.Equal("not-suspended", Assert.Throws<RuleViolation>(() => ResumeProject.Decide(new(null, Today), resumed)).Code);

        var waiting = Apply(Approved(), SuspendProject.Decide(new("x", Today), Approved()));
        Assert.Equal(MonitoringStatus.AwaitingImplementation, Apply(waiting, ResumeProject.Decide(new(null, Today), waiting)).Status);
    }

    [Fact]
    public void Implementation_starts_once()
    {
        Assert.Equal(MonitoringStatus.Implementing, Implementing().Status);
        Assert.Equal("implementation-already-started", Assert.Throws<RuleViolation>(() =>
            RecordImplementationStarted.Decide(new(Today, Today), Implementing())).Code);
    }

    [Fact]
    public void Only_an_implementing_project_completes()
    {
        Assert.Equal("cannot-complete", Assert.Throws<RuleViolation>(() => CompleteProject.Decide(new(Today, Today), Approved())).Code);
        Assert.Equal("cannot-complete", Assert.Throws<RuleViolation>(() => CompleteProject.Decide(new(Today, Today), Completed())).Code);
        Assert.Equal("date-too-early", Assert.Throws<RuleViolation>(() =>
            CompleteProject.Decide(new(new DateOnly(2026, 3, 31), Today), Implementing())).Code);
    }

    [Fact]
    public void Closing_needs_completion_and_the_final_report()
    {
        var close = new CloseProject(Today, "settled", Today);
        Assert.Equal("not-completed", Assert.Throws<RuleViolation>(() => CloseProject.Decide(close, Implementing())).Code);
        Assert.Equal("final-report-missing", Assert.Throws<RuleViolation>(() => CloseProject.Decide(close, Completed())).Code);

        var reported = Apply(Completed(), RecordProgressReport.Decide(new("final", Today, "final", false, Today), Completed()));
        var closed = Apply(reported, CloseProject.Decide(close, reported));
        Assert.Equal(MonitoringStatus.Closed, closed.Status);
        Assert.Equal("project-closed", Assert.Throws<RuleViolation>(() => RecordAidTranche.Decide(Tranche(), closed)).Code);
        Assert.Equal("not-completed", Assert.Throws<RuleViolation>(() => CloseProject.Decide(close, closed)).Code);
    }

    [Fact]
    public void Overdue_reports_are_flagged_once()
    {
        var project = Implementing();
        var flags = OverdueDetection.Decide(project, new DateOnly(2026, 7, 16));
        Assert.Equal("2026-H1", Assert.IsType<ProgressReportBecameOverdue>(Assert.Single(flags)).ReportKey);
        Assert.Empty(OverdueDetection.Decide(Apply(project, flags), new DateOnly(2026, 7, 17)));
        Assert.Empty(OverdueDetection.Decide(project, new DateOnly(2026, 7, 15)));
    }

    [Fact]
    public void An_approval_not_implemented_within_six_months_is_flagged_once()
    {
        Assert.Empty(OverdueDetection.Decide(Approved(), new DateOnly(2026, 9, 2)).OfType<ImplementationDelayFlagged>());
        var flags = OverdueDetection.Decide(Approved(), new DateOnly(2026, 9, 3));
        Assert.Single(flags.OfType<ImplementationDelayFlagged>());
        Assert.Empty(OverdueDetection.Decide(Apply(Approved(), flags), new DateOnly(2026, 9, 4)));
        Assert.Empty(OverdueDetection.Decide(Implementing(), new DateOnly(2026, 9, 3)).OfType<ImplementationDelayFlagged>());
        var funded = Apply(Approved(), RecordAidTranche.Decide(Tranche(), Approved()));
        Assert.Empty(OverdueDetection.Decide(funded, new DateOnly(2026, 9, 3)).OfType<ImplementationDelayFlagged>());
    }
}
