namespace Aid.Notifications.Dossiers;

/// <summary>
/// What the notifications need to know of a dossier, from the events that passed: its NGO, the stages' due dates
/// while they run, and the reports an approved project owes. The reminder scan reads it.
/// </summary>
public sealed class DossierFile
{
    public Guid Id { get; set; }
    public Guid? NgoId { get; set; }
    public string ReceiptCode { get; set; } = "";
    public string AidKind { get; set; } = "";
    /// <summary>The running stages by key (intake, security, appraisal, decision) and their due dates.</summary>
    public Dictionary<string, DateOnly> Running { get; set; } = new();
    public List<OwedReport> Reports { get; set; } = [];
    public bool Ended { get; set; }

    public void Start(string stage, DateOnly due) => Running[stage] = due;

    public void Stop(string stage) => Running.Remove(stage);
}

public sealed class OwedReport
{
    public string Key { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public bool Filed { get; set; }
}
