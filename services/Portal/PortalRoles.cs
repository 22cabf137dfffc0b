using Aid.Domain.Province;

namespace Aid.Portal;

/// <summary>Who may open which pages (comma-separated role lists for [Authorize(Roles = ...)]).</summary>
public static class PortalRoles
{
    public const string Officers = $"{Roles.IntakeOfficer},{Roles.SecurityOfficer},{Roles.Appraiser},{Roles.DecisionMaker},{Roles.MonitoringOfficer}";
    public const string Auditors = $"{Roles.Auditor},{Roles.SecurityClearedAuditor}";
    public const string Staff = $"{Officers},{Auditors},{Roles.Administrator}";
    /// <summary>Province reports: Sở Ngoại vụ (mobilisation, monitoring), UBND tỉnh, auditors.</summary>
    public const string ReportReaders = $"{Roles.MobilisationOfficer},{Roles.MonitoringOfficer},{Roles.DecisionMaker},{Auditors}";
    public static readonly string[] ReportReaderList = ReportReaders.Split(',');
    /// <summary>Plan tasks: the agencies' officers who work them, and the report readers.</summary>
    public const string PlanTaskUsers = $"{Officers},{Roles.MobilisationOfficer},{Roles.LocalProposer},{Auditors}";
    /// <summary>Who reads the aid mobilisation plan's progress: every province staff member and Sở Ngoại vụ's mobilisation officers.</summary>
    /// <summary>The NGO registry: Sở Ngoại vụ's intake officers keep it (as Registration allows), with administrators.</summary>
    public const string RegistryKeepers = $"{Roles.IntakeOfficer},{Roles.Administrator}";
    /// <summary>Personal data: administrators erase, auditors read the erasure records.</summary>
    public const string PersonalDataUsers = $"{Roles.Administrator},{Auditors}";
    /// <summary>Catalogue proposals: communes/wards and departments propose, Sở Ngoại vụ's mobilisation officers review and publish.</summary>
    public const string CatalogueProposers = $"{Roles.LocalProposer},{Roles.MobilisationOfficer}";
    public const string MobilisationReaders = $"{Staff},{Roles.MobilisationOfficer}";
}
