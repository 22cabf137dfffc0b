using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.ServiceDefaults.Messaging;

/// <summary>Administrators read, replay and discard the messages a service could not handle.</summary>
public static class DeadLetterAccess
{
    public const string Manage = "dead-letters-manage";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Manage, Roles.Administrator);
}
