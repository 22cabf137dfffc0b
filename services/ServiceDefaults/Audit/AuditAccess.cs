using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.ServiceDefaults.Audit;

/// <summary>Auditors (cleared or not) read every service's audit trail.</summary>
public static class AuditAccess
{
    public const string Read = "audit-read";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Read, [.. Roles.Auditors]);
}
