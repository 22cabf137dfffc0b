using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Registration.Ngos;

/// <summary>Intake officers and administrators keep the registry; NGO staff read (and ask to extend) their own NGO only.</summary>
public static class NgoAccess
{
    public const string Keep = "ngos-keep";
    public const string RequestExtension = "ngos-request-extension";
    public const string Read = "ngos-read";
    public const string List = "ngos-list";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Keep, Roles.IntakeOfficer, Roles.Administrator)
        .Allow(RequestExtension, Roles.NgoStaff)
        .Allow(Read, Access.Everyone)
        .Allow(List, Access.Staff);
}
