using System.Text.Json;
using Aid.ServiceDefaults.Identity;

namespace Aid.Portal.Api;

/// <summary>An agency as users read it: the official Vietnamese name (short form) and the English one.</summary>
public sealed record AgencyName(string Code, string Vi, string En)
{
    public static readonly AgencyName ForeignAffairs = new(Agencies.ForeignAffairs.Code, "Sở Ngoại vụ", "Department of Foreign Affairs");
    public static readonly AgencyName Police = new(Agencies.Police.Code, "Công an tỉnh", "Provincial Police");
    public static readonly AgencyName Finance = new(Agencies.Finance.Code, "Sở Tài chính", "Department of Finance");
    public static readonly AgencyName PeoplesCommittee = new(Agencies.PeoplesCommittee.Code, "UBND tỉnh", "Provincial People's Committee");
    public static readonly AgencyName Inspectorate = new(Agencies.Inspectorate.Code, "Thanh tra tỉnh", "Provincial Inspectorate");

    public static readonly IReadOnlyList<AgencyName> All = [ForeignAffairs, Police, Finance, PeoplesCommittee, Inspectorate];

    public static string Of(string? code) => All.FirstOrDefault(a => a.Code == code)?.ToString() ?? code ?? "—";

    public override string ToString() => Texts.L(Vi, En);
}

/// <summary>
/// One agency's desk: the role that works it, the service that holds its work, its queue and how it reads one
/// dossier. Each officer sees only the desk of their own role.
/// </summary>
public sealed record Desk(string Key, string Role, AgencyName Agency, Service Service, string QueuePath, string ViewPrefix,
    string StatisticsPath, Label Stage)
{
    public static readonly Desk Intake = new("intake", Roles.IntakeOfficer, AgencyName.ForeignAffairs, Service.Registration,
        "/dossiers/queue", "/dossiers/{0}/intake", "/dossiers/statistics", new("Tiếp nhận hồ sơ", "Intake check"));
    public static readonly Desk Security = new("security", Roles.SecurityOfficer, AgencyName.Police, Service.Security,
        "/security-reviews/queue", "/security-reviews/{0}", "/security-reviews/statistics", new("Thẩm tra an ninh", "Security check"));
    public static readonly Desk Appraisal = new("appraisal", Roles.Appraiser, AgencyName.Finance, Service.Appraisal,
        "/appraisals/queue", "/appraisals/{0}", "/appraisals/statistics", new("Thẩm định", "Appraisal"));
    public static readonly Desk Decision = new("decision", Roles.DecisionMaker, AgencyName.PeoplesCommittee, Service.Appraisal,
        "/decisions/queue", "/appraisals/{0}", "/decisions/statistics", new("Quyết định", "Decision"));
    public static readonly Desk Monitoring = new("monitoring", Roles.MonitoringOfficer, AgencyName.ForeignAffairs, Service.Monitoring,
        "/projects/queue", "/projects/{0}", "/projects/statistics", new("Theo dõi dự án", "Project monitoring"));

    public static readonly IReadOnlyList<Desk> All = [Intake, Security, Appraisal, Decision, Monitoring];

    public static Desk? ForRole(string? role) => All.FirstOrDefault(d => d.Role == role);

    public string ViewPath(Guid id) => string.Format(System.Globalization.CultureInfo.InvariantCulture, ViewPrefix, id);
}

public enum Urgency { OnTime, NearlyDue, Overdue }

/// <summary>A dossier UBND tỉnh forwarded to the Prime Minister, whose decision is not recorded yet (Appraisal's /decisions/forwarded).</summary>
public sealed record ForwardedEntry(Guid DossierId, string ReceiptCode, string? Title, string? NgoName, DateOnly ForwardedOn, string? Grounds);

/// <summary>One line of a work queue, read from whichever service's queue shape.</summary>
public sealed record WorkItem(Guid Id, string ReceiptCode, string? Title, string? NgoName, string? What, DateOnly? DueDate,
    int? WorkingDaysLeft, Urgency Urgency)
{
    /// <summary>The field <see cref="What"/> came in (reportKey, stage or track): it says how to label it.</summary>
    public string? WhatField { get; init; }

    /// <summary>Overdue: the overdue scan prompts the agency to issue an apology slip with a new date.</summary>
    public bool ApologyDue { get; init; }

    public static WorkItem From(JsonElement e)
    {
        var flag = e.FirstStr("flag", "deadline");
        return new WorkItem(
            Guid.TryParse(e.FirstStr("dossierId", "id", "projectId"), out var id) ? id : Guid.Empty,
            e.Str("receiptCode") ?? "",
            e.Str("title"),
            e.Str("ngoName"),
            e.FirstStr("reportKey", "stage", "track"),
            e.Date("dueDate", "dueOn"),
            e.Int("workingDaysLeft"),
            Enum.TryParse<Urgency>(flag, out var urgency) ? urgency : Urgency.OnTime)
        {
            WhatField = new[] { "reportKey", "stage", "track" }.FirstOrDefault(name => e.Str(name) is not null),
            ApologyDue = e.Prop("apologyDue")?.ValueKind == JsonValueKind.True,
        };
    }
}

/// <summary>A stage's statistics for a period, whichever service computed them.</summary>
public sealed record StageFigures(Desk Desk, int Received, int CompletedOnTime, int CompletedLate, int OpenOnTime,
    int OpenNearlyDue, int OpenOverdue, double? OnTimeRate)
{
    public static StageFigures From(Desk desk, JsonElement e)
    {
        var open = e.Prop("inProgress");
        var completed = e.Prop("completed");
        int Of(JsonElement? source, string name) => source is { } s ? s.Int(name) ?? 0 : 0;
        return desk == Desk.Monitoring
            // Monitoring counts progress reports: received on time or late, overdue now.
            ? new StageFigures(desk, e.Int("reportsDueInPeriod") ?? 0, e.Int("reportsReceivedOnTime") ?? 0,
                e.Int("reportsReceivedLate") ?? 0, 0, 0, e.Int("reportsOverdueNow") ?? 0, e.Double("onTimeRate"))
            : new StageFigures(desk, e.Int("received") ?? 0,
                completed is not null ? Of(completed, "onTime") : e.Int("completedOnTime") ?? 0,
                completed is not null ? Of(completed, "late") : e.Int("completedLate") ?? 0,
                Of(open, "onTime"), Of(open, "nearlyDue"), Of(open, "overdue"), e.Double("onTimeRate"));
    }
}
