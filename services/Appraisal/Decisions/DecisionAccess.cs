using Aid.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Appraisal.Decisions;

/// <summary>
/// UBND tỉnh's decision-makers decide; they and auditors see the queues; appraisers read the statistics too. The NGO's
/// staff download the Prime Minister's decision document of their own dossier only (<see cref="Access.MaySee"/>).
/// </summary>
public static class DecisionAccess
{
    public const string Act = "decisions-act";
    public const string Queue = "decisions-queue";
    public const string Read = "decisions-read";
    public const string ReadDocument = "decisions-read-document";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Act, Access.IsDecisionMaker)
        .Allow(Queue, a => Access.IsDecisionMaker(a) || a.IsAuditor)
        .Allow(Read, Access.IsReader)
        .Allow(ReadDocument, a => Access.IsReader(a) || Access.IsNgoStaff(a));
}
