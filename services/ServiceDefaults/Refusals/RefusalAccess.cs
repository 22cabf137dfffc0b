using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.ServiceDefaults.Refusals;

/// <summary>Administrators read who was refused what.</summary>
public static class RefusalAccess
{
    public const string Read = "refusals-read";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Read, Roles.Administrator);
}
