using Aid.Domain.Province;
using Aid.Domain.Rules;

namespace Aid.Registration;

/// <summary>The role groups several features' policies share, and the NGO scope every feature applies to a record.</summary>
public static class Access
{
    /// <summary>
    /// Everyone who works for the province (officers of every agency, administrators, auditors). Commune and
    /// department proposers of catalogue entries are not: they never see NGOs' dossiers.
    /// </summary>
    public static readonly string[] Staff = Roles.All.Where(r => r is not (Roles.NgoStaff or Roles.LocalProposer)).ToArray();

    /// <summary>Every role that may read dossiers: NGO staff are then scoped to their own NGO.</summary>
    public static readonly string[] Everyone = Roles.All.Where(r => r != Roles.LocalProposer).ToArray();

    public static bool MaySee(this Actor actor, Guid ngoId) => actor.Role != Roles.NgoStaff || actor.NgoId == ngoId;

    /// <summary>Another NGO's record answers 404, as if it did not exist, so ids and codes cannot be probed.</summary>
    public static void EnsureMaySee(this Actor actor, Guid ngoId, string what)
    {
        if (!actor.MaySee(ngoId))
            throw new NotFound(what, hidden: true);
    }
}
