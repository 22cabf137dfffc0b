using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Registration.Mobilisation;

/// <summary>Sở Ngoại vụ's mobilisation officers adopt the year's plan; the province's staff read it.</summary>
public static class MobilisationAccess
{
    public const string Adopt = "mobilisation-adopt";
    public const string Read = "mobilisation-read";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Adopt, Roles.MobilisationOfficer)
        .Allow(Read, Access.Staff);
}
