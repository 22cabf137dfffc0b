namespace Aid.Monitoring.Iati;

/// <summary>Configuration section "Monitoring:Iati".</summary>
public sealed class IatiOptions
{
    /// <summary>
    /// The reporting organisation's IATI identifier; every activity identifier is this prefix, a hyphen and the
    /// dossier's receipt code.
    /// </summary>
    public string ReportingOrgRef { get; set; } = "VN-DNI-SNV";

    /// <summary>Where the aid is received, for the recipient-country element (ISO 3166-1 alpha-2).</summary>
    public string RecipientCountry { get; set; } = "VN";
}
