using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Registration.PersonalData;

/// <summary>Administrators erase personal data; they and auditors read the erasures.</summary>
public static class PersonalDataAccess
{
    public const string Erase = "personal-data-erase";
    public const string ReadErasures = "personal-data-read-erasures";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Erase, Roles.Administrator)
        .Allow(ReadErasures, [Roles.Administrator, .. Roles.Auditors]);
}
