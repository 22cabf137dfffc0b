using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Monitoring.Projects;

/// <summary>
/// Who may touch a monitored project: monitoring officers of Sở Ngoại vụ act; auditors read; NGO staff read
/// (and may submit progress reports for) their own NGO's projects only — another NGO's project answers 404.
/// </summary>
public static class ProjectAccess
{
    public const string Act = "monitoring-act";
    public const string Read = "monitoring-read";
    public const string SubmitReport = "monitoring-submit-report";
    /// <summary>Views across all projects (work queue, statistics): not for NGO staff.</summary>
    public const string Oversee = "monitoring-oversee";
    /// <summary>How a project is named in a 404, the same whether it is missing or another NGO's.</summary>
    public const string What = "project";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Act, IsMonitoringOfficer)
        .Allow(Read, a => IsMonitoringOfficer(a) || a.IsAuditor || IsNgoStaff(a))
        .Allow(Oversee, a => IsMonitoringOfficer(a) || a.IsAuditor)
        .Allow(SubmitReport, a => IsMonitoringOfficer(a) || IsNgoStaff(a));

    public static bool IsMonitoringOfficer(Actor actor) =>
        actor.Role == Roles.MonitoringOfficer && actor.Agency == MonitoringService.Agency;

    public static bool IsNgoStaff(Actor actor) => actor.Role == Roles.NgoStaff && actor.NgoId is not null;

    public static bool MaySee(this Actor actor, MonitoredProject project) =>
        !IsNgoStaff(actor) || actor.NgoId == project.NgoId;

    /// <summary>The <c>mayAct</c> of a project command: another NGO's project answers the same 404 as a missing one.</summary>
    public static Action<MonitoredProject> Sees(Actor actor) => project =>
    {
        if (!actor.MaySee(project))
            throw new NotFound(What, hidden: true);
    };
}
