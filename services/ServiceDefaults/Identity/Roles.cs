namespace Aid.ServiceDefaults.Identity;

/// <summary>The roles of the people who use Aid (claim "role").</summary>
public static class Roles
{
    public const string NgoStaff = "ngo-staff";
    public const string IntakeOfficer = "intake-officer";
    public const string SecurityOfficer = "security-officer";
    public const string Appraiser = "appraiser";
    public const string DecisionMaker = "decision-maker";
    public const string MonitoringOfficer = "monitoring-officer";
    public const string Auditor = "auditor";
    /// <summary>An auditor also cleared to read confidential security findings.</summary>
    public const string SecurityClearedAuditor = "security-cleared-auditor";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All =
    [
        NgoStaff, IntakeOfficer, SecurityOfficer, Appraiser, DecisionMaker, MonitoringOfficer,
        Auditor, SecurityClearedAuditor, Administrator,
    ];

    public static readonly IReadOnlyList<string> Auditors = [Auditor, SecurityClearedAuditor];
}
