using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.ServiceDefaults.Identity;

/// <summary>
/// The one way to say who may call an endpoint. Each feature folder has a small XAccess class: a const name per
/// policy and an AddPolicies(AuthorizationOptions) declaring each in one line (name and who); its endpoints call
/// only RequireAuthorization(XAccess.Name). A name declared twice in one service is refused at start.
/// </summary>
public static class Policies
{
    /// <summary>Anyone holding one of the roles.</summary>
    public static AuthorizationOptions Allow(this AuthorizationOptions options, string policy, params string[] roles) =>
        options.Declare(policy, p => p.RequireRole(roles));

    /// <summary>Anyone holding one of the roles for the agency (claim "agency").</summary>
    public static AuthorizationOptions Allow(this AuthorizationOptions options, string policy, Agency agency, params string[] roles) =>
        options.Declare(policy, p => p.RequireRole(roles).RequireClaim(Actor.AgencyClaim, agency.Code));

    /// <summary>Anyone the rule lets in (roles of given agencies, NGO staff with their NGO, ...).</summary>
    public static AuthorizationOptions Allow(this AuthorizationOptions options, string policy, Func<Actor, bool> who) =>
        options.Declare(policy, p => p.RequireAssertion(c => who(Actor.From(c.User))));

    /// <summary>Anyone signed in: the handler scopes what each sees.</summary>
    public static AuthorizationOptions AllowSignedIn(this AuthorizationOptions options, string policy) =>
        options.Declare(policy, p => p.RequireAuthenticatedUser());

    private static AuthorizationOptions Declare(this AuthorizationOptions options, string policy, Action<AuthorizationPolicyBuilder> who)
    {
        if (options.GetPolicy(policy) is not null)
            throw new InvalidOperationException($"The authorization policy \"{policy}\" is declared twice.");
        options.AddPolicy(policy, who);
        return options;
    }
}
