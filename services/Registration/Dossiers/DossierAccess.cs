using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Registration.Dossiers;

/// <summary>
/// NGO staff submit and follow their own NGO's dossiers (another NGO's answers 404: <see cref="Access.EnsureMaySee"/>);
/// Sở Ngoại vụ's intake officers check them; every role but the catalogue proposers reads a dossier's status.
/// </summary>
public static class DossierAccess
{
    public const string Ngo = "dossiers-ngo";
    public const string Intake = "dossiers-intake";
    public const string IntakeApology = "dossiers-intake-apology";
    public const string ReadIntake = "dossiers-read-intake";
    public const string Read = "dossiers-read";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Ngo, Roles.NgoStaff)
        .Allow(Intake, Roles.IntakeOfficer)
        .Allow(IntakeApology, Agencies.ForeignAffairs, Roles.IntakeOfficer)
        .Allow(ReadIntake, [Roles.IntakeOfficer, Roles.Administrator, .. Roles.Auditors])
        .Allow(Read, Access.Everyone);
}
