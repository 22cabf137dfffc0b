namespace Aid.Domain.Province;

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
    /// <summary>Sở Ngoại vụ staff for aid mobilisation: catalogue, plan, donors, dialogues, province reports.</summary>
    public const string MobilisationOfficer = "mobilisation-officer";
    /// <summary>Staff of a commune/ward or a department who propose catalogue entries and report on plan tasks.</summary>
    public const string LocalProposer = "local-proposer";

    public static readonly IReadOnlyList<string> All =
    [
        NgoStaff, IntakeOfficer, SecurityOfficer, Appraiser, DecisionMaker, MonitoringOfficer,
        Auditor, SecurityClearedAuditor, Administrator, MobilisationOfficer, LocalProposer,
    ];

    public static readonly IReadOnlyList<string> Auditors = [Auditor, SecurityClearedAuditor];
}
