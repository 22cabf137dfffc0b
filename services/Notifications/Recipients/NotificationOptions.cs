namespace Aid.Notifications.Recipients;

/// <summary>The section Notifications of the configuration.</summary>
public sealed class NotificationOptions
{
    /// <summary>The portal's address, for the link in each message.</summary>
    public string PortalUrl { get; set; } = "http://127.0.0.1:5100";
    /// <summary>The language NGO contacts' e-mail is written in first (the other follows below): vi or en.</summary>
    public string NgoLanguage { get; set; } = "en";
    public int ReportReminderWorkingDays { get; set; } = 5;
    public int NearlyDueWorkingDays { get; set; } = 2;
    public int? ScanSeconds { get; set; }
    /// <summary>The officers of each agency (by code: SNV, CAT, STC, UBND) who are told of their agency's work.</summary>
    public Dictionary<string, AgencyRecipients> Agencies { get; set; } = new();
}

public sealed class AgencyRecipients
{
    public List<OfficerRecipient> Recipients { get; set; } = [];
}

/// <summary>An officer: the portal user (token subject, whose preferences apply) and the address mail goes to.</summary>
public sealed class OfficerRecipient
{
    public string User { get; set; } = "";
    public string Email { get; set; } = "";
    public string Language { get; set; } = "vi";
}
