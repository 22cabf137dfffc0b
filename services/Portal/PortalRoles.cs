using Aid.ServiceDefaults.Identity;

namespace Aid.Portal;

/// <summary>Who may open which pages (comma-separated role lists for [Authorize(Roles = ...)]).</summary>
public static class PortalRoles
{
    public const string Officers = $"{Roles.IntakeOfficer},{Roles.SecurityOfficer},{Roles.Appraiser},{Roles.DecisionMaker},{Roles.MonitoringOfficer}";
    public const string Auditors = $"{Roles.Auditor},{Roles.SecurityClearedAuditor}";
    public const string Staff = $"{Officers},{Auditors},{Roles.Administrator}";
    /// <summary>Who reads the aid mobilisation plan's progress: every province staff member and Sở Ngoại vụ's mobilisation officers.</summary>
    public const string MobilisationReaders = $"{Staff},{Roles.MobilisationOfficer}";
}
