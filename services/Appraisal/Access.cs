using System.Security.Claims;
using Aid.Domain.Province;

namespace Aid.Appraisal;

/// <summary>
/// Who works here: appraisers of Sở Tài chính appraise, decision-makers of UBND tỉnh decide, auditors read
/// everything and change nothing. Everyone else is refused, except the NGO's staff for the Prime Minister's decision document
/// on their own dossier (the decision on it is theirs to read). The features' policies (AppraisalAccess, DecisionAccess)
/// are made of these.
/// </summary>
public static class Access
{
    public static bool IsAppraiser(Actor actor) => actor.Is(Roles.Appraiser) && actor.Agency == Agencies.Finance.Code;

    public static bool IsDecisionMaker(Actor actor) => actor.Is(Roles.DecisionMaker) && actor.Agency == Agencies.PeoplesCommittee.Code;

    /// <summary>Appraisers, decision-makers and auditors.</summary>
    public static bool IsReader(Actor actor) => IsAppraiser(actor) || IsDecisionMaker(actor) || actor.IsAuditor;

    public static bool IsNgoStaff(Actor actor) => actor.Is(Roles.NgoStaff) && actor.NgoId is not null;

    /// <summary>An NGO sees its own dossiers only; another NGO's answers 404, as if it did not exist.</summary>
    public static bool MaySee(ClaimsPrincipal user, Guid ngoId) => Actor.From(user) is var actor && (!IsNgoStaff(actor) || actor.NgoId == ngoId);
}
