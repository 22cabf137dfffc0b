using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;

namespace Aid.Registration;

/// <summary>Who may read what in this service.</summary>
public static class Access
{
    /// <summary>
    /// Everyone who works for the province (officers of every agency, administrators, auditors). Commune and
    /// department proposers of catalogue entries are not: they never see NGOs' dossiers.
    /// </summary>
    public static readonly string[] Staff = Roles.All.Where(r => r is not (Roles.NgoStaff or Roles.LocalProposer)).ToArray();

    /// <summary>Every role that may read dossiers: NGO staff are then scoped to their own NGO.</summary>
    public static readonly string[] Everyone = Roles.All.Where(r => r != Roles.LocalProposer).ToArray();

    public static readonly string[] RegistryKeepers = [Roles.IntakeOfficer, Roles.Administrator];

    /// <summary>Who reads catalogue proposals: Sở Ngoại vụ's mobilisation officers, the proposers (own agency only),
    /// administrators and auditors.</summary>
    public static readonly string[] CatalogueReaders = [Roles.MobilisationOfficer, Roles.LocalProposer, Roles.Administrator, .. Roles.Auditors];

    /// <summary>Who reads the mobilisation plan, its progress, donors and dialogues.</summary>
    public static readonly string[] MobilisationReaders = [Roles.MobilisationOfficer, Roles.Administrator, .. Roles.Auditors];

    public static readonly string[] IntakeReaders = [Roles.IntakeOfficer, Roles.Administrator, .. Roles.Auditors];

    public static bool MaySee(this Actor actor, Guid ngoId) => actor.Role != Roles.NgoStaff || actor.NgoId == ngoId;

    /// <summary>Another NGO's record answers 404, as if it did not exist, so ids and codes cannot be probed.</summary>
    public static void EnsureMaySee(this Actor actor, Guid ngoId, string what)
    {
        if (!actor.MaySee(ngoId))
            throw new NotFound(what, hidden: true);
    }
}
