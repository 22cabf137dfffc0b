using Aid.ServiceDefaults.Problems;

namespace Aid.Registration.Dossiers;

public sealed record DossierChanged(Guid DossierId, string Stage, long Version);

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

    public static IResult Changed(HttpContext http, Guid id, Dossier before, IReadOnlyList<object> events, long version)
    {
        var after = events.Aggregate(before, (state, e) => e switch
        {
            SupplementRequested s => state.Apply(s),
            DossierResubmitted r => state.Apply(r),
            DossierAccepted a => state.Apply(a),
            DossierWithdrawn w => state.Apply(w),
            DossierReceiptRefused r => state.Apply(r),
            IntakeApologySlipIssued a => state.Apply(a),
            _ => state,
        });
        http.Response.Headers.ETag = $"\"{version}\"";
        return Results.Ok(new DossierChanged(id, after.Stage.ToString(), version));
    }
}
