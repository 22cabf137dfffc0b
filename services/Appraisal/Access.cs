using System.Security.Claims;
using Aid.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Appraisal;

/// <summary>
/// Who may do what here: appraisers of Sở Tài chính appraise, decision-makers of UBND tỉnh decide, auditors read
/// everything and change nothing. Everyone else is refused, except the NGO's staff for the Prime Minister's decision document
/// on their own dossier (the decision on it is theirs to read).
/// </summary>
public static class Access
{
    public static bool IsAppraiser(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Appraiser) && user.HasClaim(Actor.AgencyClaim, Agencies.Finance.Code);

    public static bool IsDecisionMaker(ClaimsPrincipal user) =>
        user.IsInRole(Roles.DecisionMaker) && user.HasClaim(Actor.AgencyClaim, Agencies.PeoplesCommittee.Code);

    public static bool IsAuditor(ClaimsPrincipal user) => Roles.Auditors.Any(user.IsInRole);

    public static void Appraisers(AuthorizationPolicyBuilder policy) => policy.RequireAssertion(c => IsAppraiser(c.User));

    public static void DecisionMakers(AuthorizationPolicyBuilder policy) => policy.RequireAssertion(c => IsDecisionMaker(c.User));

    public static void AppraisersAndAuditors(AuthorizationPolicyBuilder policy) =>
        policy.RequireAssertion(c => IsAppraiser(c.User) || IsAuditor(c.User));

    public static void DecisionMakersAndAuditors(AuthorizationPolicyBuilder policy) =>
        policy.RequireAssertion(c => IsDecisionMaker(c.User) || IsAuditor(c.User));

    public static void Readers(AuthorizationPolicyBuilder policy) =>
        policy.RequireAssertion(c => IsAppraiser(c.User) || IsDecisionMaker(c.User) || IsAuditor(c.User));

    public static bool IsNgoStaff(ClaimsPrincipal user) => user.IsInRole(Roles.NgoStaff) && Actor.From(user).NgoId is not null;

    /// <summary>The readers, and NGO staff (who then see their own NGO's dossiers only: <see cref="MaySee"/>).</summary>
    public static void ReadersAndNgo(AuthorizationPolicyBuilder policy) =>
        policy.RequireAssertion(c => IsAppraiser(c.User) || IsDecisionMaker(c.User) || IsAuditor(c.User) || IsNgoStaff(c.User));

    /// <summary>An NGO sees its own dossiers only; another NGO's answers 404, as if it did not exist.</summary>
    public static bool MaySee(ClaimsPrincipal user, Guid ngoId) => !IsNgoStaff(user) || Actor.From(user).NgoId == ngoId;
}
