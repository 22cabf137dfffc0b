using Aid.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Notifications.Inbox;

/// <summary>Everyone signed in has an inbox: NGO staff read their NGO's, officers their agency's (<see cref="InboxEndpoints.AudienceOf"/>).</summary>
public static class InboxAccess
{
    public const string Own = "inbox-own";

    public static void AddPolicies(AuthorizationOptions options) => options
        .AllowSignedIn(Own);
}
