using Aid.Monitoring.Projects;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Monitoring.Iati;

/// <summary>
/// Sở Ngoại vụ's monitoring and mobilisation officers, administrators and auditors read every activity; NGO staff read
/// their own NGO's projects one by one (another NGO's answers 404, the list 403); the other agencies' staff: 403.
/// </summary>
public static class IatiAccess
{
    public const string ReadOne = "iati-read-one";
    public const string ReadAll = "iati-read-all";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(ReadAll, MayReadAll)
        .Allow(ReadOne, a => MayReadAll(a) || ProjectAccess.IsNgoStaff(a));

    private static bool MayReadAll(Actor a) =>
        ProjectAccess.IsMonitoringOfficer(a) || a.IsAuditor
        || (a.Is(Roles.MobilisationOfficer, Roles.Administrator) && a.Agency == MonitoringService.Agency);
}
