using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.Domain.Province;
using Aid.Domain.Rules;

namespace Aid.Registration.Dossiers;

/// <summary>
/// The four stages of the one-stop procedure as the public lookup lists them (intake at Sở Ngoại vụ, security check
/// at Công an tỉnh, opinions and appraisal at Sở Tài chính, decision at UBND tỉnh), each done, current, to come or
/// stopped, with its due date: the one the holding agency published while it holds the stage, otherwise the date
/// planned from the receipt date with the working days allowed per stage (moved by the days the clock stopped for a
/// supplement). The decision's due date is the appointment date printed on the receipt.
/// </summary>
public static class PublicStages
{
    public const string Done = "Done", Current = "Current", Upcoming = "Upcoming", Stopped = "Stopped";
    public const string IntakeCheck = "IntakeCheck", SecurityCheck = "SecurityCheck", Appraisal = "Appraisal", Decision = "Decision";

    private sealed record Step(string Code, Bilingual Label, Agency Agency, Stage[] Through, Func<DossierStep, bool> EndsIt);

    private static readonly Step[] Steps =
    [
        new(IntakeCheck, new("Tiếp nhận, kiểm tra hồ sơ", "Receipt and intake check"), Agencies.ForeignAffairs,
            [Stage.IntakeCheck], s => s == DossierStep.Accepted),
        new(SecurityCheck, new("Thẩm tra an ninh", "Security check"), Agencies.Police,
            [Stage.Security], s => s == DossierStep.SecurityConcluded),
        new(Appraisal, new("Lấy ý kiến và thẩm định", "Opinions and appraisal"), Agencies.Finance,
            [Stage.Opinions, Stage.Appraisal], s => s == DossierStep.AppraisalReportIssued),
        new(Decision, new("Quyết định phê duyệt", "Approval decision"), Agencies.PeoplesCommittee,
            [Stage.Decision], DossierSteps.IsProvinceDecision),
    ];

    public static IReadOnlyList<PublicStage> Of(Dossier dossier, WorkingCalendar calendar, StageDeadlines deadlines)
    {
        var aidKind = dossier.Content?.Kind.ToString() ?? "Default";
        var current = CurrentIndex(dossier.Stage);
        var workingDays = dossier.StoppedWorkingDays;
        var stages = new List<PublicStage>();
        for (var i = 0; i < Steps.Length; i++)
        {
            var step = Steps[i];
            workingDays += step.Through.Sum(s => deadlines.WorkingDaysFor(aidKind, s))
                + dossier.Apologies.Where(a => a.Stage == step.Code).Sum(a => a.WorkingDaysMoved);
            var due = i == current && dossier.CurrentStageDueDate is { } published ? published
                : i == 0 && dossier.Intake is { } intake ? intake.DueDate
                : i == Steps.Length - 1 ? dossier.AppointmentDate
                : calendar.AddWorkingDays(dossier.ReceiptDate, workingDays);
            var ended = dossier.Timeline.Where(t => step.EndsIt(t.Step)).Select(t => (DateOnly?)t.At.VietnamDate()).FirstOrDefault();
            var state = dossier.Stage is DossierStage.Withdrawn or DossierStage.ReceiptRefused ? (ended is null ? Stopped : Done)
                : i < current ? Done
                : i == current ? Current
                : Upcoming;
            stages.Add(new PublicStage(step.Code, new Label(step.Label.Vi, step.Label.En),
                new HoldingAgency(step.Agency.Code, step.Agency.NameVi, step.Agency.NameEn), due, state == Done ? ended : null, state));
        }
        return stages;
    }

    /// <summary>Whether the public stage <paramref name="stageCode"/> is the one the dossier is at.</summary>
    public static bool IsCurrent(DossierStage stage, string stageCode) =>
        Array.FindIndex(Steps, s => s.Code == stageCode) is var i and >= 0 && i == CurrentIndex(stage);

    /// <summary>The agency holding a public stage (intake: Sở Ngoại vụ, …).</summary>
    public static Agency AgencyOf(string stageCode) => Steps.FirstOrDefault(s => s.Code == stageCode)?.Agency ?? Agencies.ForeignAffairs;

    /// <summary>The stage's name as the lookup lists it.</summary>
    public static Bilingual LabelOf(string stageCode) => Steps.FirstOrDefault(s => s.Code == stageCode)?.Label ?? new(stageCode, stageCode);

    /// <summary>The index of the stage the dossier is at; past the last one once decided (or later).</summary>
    private static int CurrentIndex(DossierStage stage) => stage switch
    {
        DossierStage.IntakeCheck or DossierStage.SupplementRequested or DossierStage.Withdrawn or DossierStage.ReceiptRefused => 0,
        DossierStage.SecurityCheck => 1,
        DossierStage.Appraisal => 2,
        DossierStage.Decision => 3,
        _ => Steps.Length,
    };
}
