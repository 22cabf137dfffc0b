using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Monitoring.Recognition;

/// <summary>
/// Administrators set the criteria; monitoring and mobilisation officers of Sở Ngoại vụ propose; decision makers of
/// UBND tỉnh decide; all of them and auditors read. NGO staff and other agencies: 403.
/// </summary>
public static class RecognitionAccess
{
    public const string Read = "recognition-read";
    public const string SetCriteria = "recognition-set-criteria";
    public const string Propose = "recognition-propose";
    public const string Decide = "recognition-decide";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(SetCriteria, IsAdministrator)
        .Allow(Propose, IsProposer)
        .Allow(Decide, IsDecisionMaker)
        .Allow(Read, a => IsAdministrator(a) || IsProposer(a) || IsDecisionMaker(a) || a.IsAuditor);

    private static bool IsAdministrator(Actor a) => a.Role == Roles.Administrator;

    private static bool IsProposer(Actor a) =>
        a.Is(Roles.MonitoringOfficer, Roles.MobilisationOfficer) && a.Agency == Agencies.ForeignAffairs.Code;

    private static bool IsDecisionMaker(Actor a) => a.Role == Roles.DecisionMaker && a.Agency == Agencies.PeoplesCommittee.Code;
}
