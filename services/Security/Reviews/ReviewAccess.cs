using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Security.Reviews;

/// <summary>
/// Security officers of Công an tỉnh are the only ones who act on a review; they and auditors (who read everything and
/// change nothing) read it; its confidential findings only they and auditors cleared for them (<see cref="ReviewViews.MayReadFindings"/>).
/// </summary>
public static class ReviewAccess
{
    public const string Act = "security-reviews-act";
    public const string Read = "security-reviews-read";
    public const string ReadFindings = "security-reviews-read-findings";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Act, Agencies.Police, Roles.SecurityOfficer)
        .Allow(Read, a => a.IsAuditor || a.Is(Roles.SecurityOfficer) && a.Agency == Agencies.Police.Code)
        .Allow(ReadFindings, ReviewViews.MayReadFindings);
}
