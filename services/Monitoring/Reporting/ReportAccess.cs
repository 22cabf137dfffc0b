using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Monitoring.Reporting;

/// <summary>
/// Province reports hold figures across every NGO: Sở Ngoại vụ (mobilisation and monitoring officers, who compile
/// them), UBND tỉnh (decision makers, who sign them) and auditors read them. NGO staff and the other agencies'
/// officers do not.
/// </summary>
public static class ReportAccess
{
    public const string Read = "province-reports-read";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Read, MayRead);

    public static bool MayRead(Actor actor) =>
        actor.IsAuditor
        || (actor.Role is Roles.MobilisationOfficer or Roles.MonitoringOfficer && actor.Agency == MonitoringService.Agency)
        || (actor.Role == Roles.DecisionMaker && actor.Agency == Agencies.PeoplesCommittee.Code);
}
