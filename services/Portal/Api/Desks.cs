using Aid.Contracts.Desks;
using Aid.Domain.Province;

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

/// <summary>A dossier UBND tỉnh forwarded to the Prime Minister, whose decision is not recorded yet (Appraisal's /decisions/forwarded).</summary>
public sealed record ForwardedEntry(Guid DossierId, string ReceiptCode, string? Title, string? NgoName, DateOnly ForwardedOn, string? Grounds);
