namespace Aid.Contracts.Appraisal;

public enum AppraisalStatus
{
    /// <summary>Known here, but security has not concluded or the dossier summary has not arrived yet.</summary>
    Pending,
    /// <summary>Sở Tài chính is appraising (opinions, then the report).</summary>
    Appraising,
    /// <summary>The report is issued; UBND tỉnh decides.</summary>
    AwaitingDecision,
    Decided,
    Withdrawn,
}

/// <summary>A department's written opinion on the aid.</summary>
public enum OpinionStance { Supports, Objects }
