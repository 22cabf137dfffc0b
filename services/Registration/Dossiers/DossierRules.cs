using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Dossiers;

/// <summary>A dossier command's answer: the stage and version of the status view.</summary>
public sealed record DossierChanged(Guid DossierId, string Stage, long Version)
{
    /// <summary>Read from the status view Marten projected with the command's events, in the same transaction.</summary>
    public static async Task<DossierChanged> ReadAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        var status = await session.LoadAsync<DossierStatus>(id, ct) ?? throw new NotFound("Dossier");
        return new DossierChanged(id, status.Stage, status.Version);
    }
}

public static class DossierRules
{
    /// <summary>Sở Ngoại vụ acts only on the stage it owns, and only while the dossier is at that stage.</summary>
    public static void EnsureAt(Dossier dossier, DossierStage stage, string action)
    {
        if (dossier.Stage != stage)
            throw new RuleViolation("wrong-stage", new Bilingual(
                $"Không thể {action}: hồ sơ đang ở giai đoạn \"{StageLabels.Of(dossier.Stage).Vi}\".",
                $"Cannot {action}: the dossier is at the stage \"{StageLabels.Of(dossier.Stage).En}\"."));
    }
}
