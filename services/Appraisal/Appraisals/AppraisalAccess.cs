using Aid.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Appraisal.Appraisals;

/// <summary>Sở Tài chính's appraisers act on an appraisal; they and auditors see the queue; decision-makers read too.</summary>
public static class AppraisalAccess
{
    public const string Act = "appraisals-act";
    public const string Queue = "appraisals-queue";
    public const string Read = "appraisals-read";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Act, Access.IsAppraiser)
        .Allow(Queue, a => Access.IsAppraiser(a) || a.IsAuditor)
        .Allow(Read, Access.IsReader);
}
