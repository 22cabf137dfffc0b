using Aid.Monitoring.Reporting;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Monitoring.PlanTasks;

/// <summary>
/// Sở Ngoại vụ's mobilisation officers manage the plan's tasks. The officers of the agencies that work them
/// (Công an tỉnh, Sở Tài chính, UBND tỉnh, Sở Y tế, Sở Ngoại vụ, communes) update their own agency's part of the
/// tasks their agency leads or partners in; report readers and those officers read them.
/// </summary>
public static class PlanTaskAccess
{
    public const string Manage = "plan-tasks-manage";
    public const string Update = "plan-tasks-update";
    public const string Read = "plan-tasks-read";

    private static readonly string[] AgencyOfficers =
        [Roles.SecurityOfficer, Roles.Appraiser, Roles.DecisionMaker, Roles.MonitoringOfficer, Roles.MobilisationOfficer, Roles.LocalProposer, Roles.IntakeOfficer];

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Manage, IsMobilisationOfficer)
        .Allow(Update, IsAgencyOfficer)
        .Allow(Read, a => IsAgencyOfficer(a) || ReportAccess.MayRead(a));

    public static bool IsMobilisationOfficer(Actor actor) =>
        actor.Role == Roles.MobilisationOfficer && actor.Agency == MonitoringService.Agency;

    public static bool IsAgencyOfficer(Actor actor) => AgencyOfficers.Contains(actor.Role) && Agencies.Find(actor.Agency) is not null;

    /// <summary>An officer updates only a task their agency works on (403 otherwise: the task itself is not secret).</summary>
    public static void EnsureWorksOn(string agency, PlanTask task)
    {
        if (!task.Agencies.Contains(agency))
            throw new RuleViolation("not-an-agency-of-the-task", new Bilingual(
                $"Cơ quan {agency} không chủ trì hay phối hợp nhiệm vụ này.",
                $"Agency {agency} neither leads nor partners in this task."), 403);
    }
}
