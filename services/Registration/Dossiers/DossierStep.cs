namespace Aid.Registration.Dossiers;

/// <summary>A public step of the dossier's history; its name is the step code the status view and the lookup send
/// (labels: see <see cref="StageLabels.OfStep"/>).</summary>
public enum DossierStep
{
    Submitted, SupplementRequested, Resubmitted, Accepted, Withdrawn, ReceiptRefused, ApologyIssued,
    SecurityConcluded, AppraisalOpened, AppraisalReportIssued,
    DecidedApproved, DecidedRefused, DecidedForwardedToPrimeMinister, PrimeMinisterDecidedApproved, PrimeMinisterDecidedRefused,
    MonitoringStarted, ProjectImplementing, ProjectSuspended, ProjectCompleted, ProjectClosed,
}

/// <summary>A public step of the dossier's history: when, what, and the agency that acted.</summary>
public sealed record TimelineStep(DateTimeOffset At, DossierStep Step, string? AgencyCode);

public static class DossierSteps
{
    /// <summary>UBND tỉnh's decision (approved, refused, or forwarded to the Prime Minister).</summary>
    public static bool IsProvinceDecision(DossierStep step) =>
        step is DossierStep.DecidedApproved or DossierStep.DecidedRefused or DossierStep.DecidedForwardedToPrimeMinister;

    public static bool IsPrimeMinisterDecision(DossierStep step) =>
        step is DossierStep.PrimeMinisterDecidedApproved or DossierStep.PrimeMinisterDecidedRefused;

    /// <summary>The decision's step and the stage it leaves the dossier at.</summary>
    public static (DossierStep Step, DossierStage Stage) Of(DecisionReceived e) => (e.ByPrimeMinister, e.Outcome) switch
    {
        (false, "Approved") => (DossierStep.DecidedApproved, DossierStage.Approved),
        (false, "Refused") => (DossierStep.DecidedRefused, DossierStage.Refused),
        (false, _) => (DossierStep.DecidedForwardedToPrimeMinister, DossierStage.ForwardedToPrimeMinister),
        (true, "Approved") => (DossierStep.PrimeMinisterDecidedApproved, DossierStage.Approved),
        // The Prime Minister approves or refuses: Appraisal records nothing else.
        (true, _) => (DossierStep.PrimeMinisterDecidedRefused, DossierStage.Refused),
    };

    /// <summary>Monitoring's status change (Implementing, Suspended, Completed, Closed) as a step and a stage.</summary>
    public static (DossierStep Step, DossierStage Stage) Of(ProjectStatusReceived e) =>
        (Enum.Parse<DossierStep>("Project" + e.Status), Enum.Parse<DossierStage>(e.Status));
}
