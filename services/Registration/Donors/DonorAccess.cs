using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Registration.Donors;

/// <summary>Sở Ngoại vụ's mobilisation officers record donors and dialogues; administrators and auditors read them too.</summary>
public static class DonorAccess
{
    public const string Record = "donors-record";
    public const string Read = "donors-read";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Record, Roles.MobilisationOfficer)
        .Allow(Read, [Roles.MobilisationOfficer, Roles.Administrator, .. Roles.Auditors]);
}
