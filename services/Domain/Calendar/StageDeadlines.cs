namespace Aid.Domain.Calendar;

/// <summary>The stages a dossier goes through, in order.</summary>
public enum Stage { IntakeCheck, Security, Opinions, Appraisal, Decision }

/// <summary>
/// Working days allowed per stage and aid kind (configuration section "StageDeadlines": Default and per aid kind,
/// e.g. StageDeadlines:EmergencyRelief:Security = 1). Emergency relief has 3 working days end to end.
/// </summary>
public sealed class StageDeadlines
{
    public Dictionary<string, Dictionary<Stage, int>> ByAidKind { get; set; } = new()
    {
        ["Default"] = new() { [Stage.IntakeCheck] = 3, [Stage.Security] = 10, [Stage.Opinions] = 10, [Stage.Appraisal] = 20, [Stage.Decision] = 5 },
        ["EmergencyRelief"] = new() { [Stage.IntakeCheck] = 1, [Stage.Security] = 1, [Stage.Opinions] = 0, [Stage.Appraisal] = 0, [Stage.Decision] = 1 },
    };

    public int WorkingDaysFor(string aidKind, Stage stage) =>
        ByAidKind.TryGetValue(aidKind, out var kind) && kind.TryGetValue(stage, out var days) ? days : ByAidKind["Default"][stage];

    public int TotalFor(string aidKind) => Enum.GetValues<Stage>().Sum(s => WorkingDaysFor(aidKind, s));
}
