using Aid.Contracts.Monitoring;
using System.Globalization;
using System.Xml.Linq;
using Aid.Monitoring.Projects;
using Aid.Domain.Province;

namespace Aid.Monitoring.Iati;

/// <summary>
/// One approved project as an IATI 2.03 activity, reported by Sở Ngoại vụ (the province's side, language vi).
/// Choices: the recorded tranches are transactions of type 1 "Incoming Funds" (money the Vietnamese side received
/// from the NGO, its provider), valued in their own currency on the day received; the approved amount is an
/// original, committed budget per year of the project's planned period (IATI: a budget covers a year at most); the
/// NGO is funding (1) and implementing (4) organisation, UBND tỉnh the accountable one (2).
/// </summary>
public static class IatiActivity
{
    public const string Version = "2.03";
    private static readonly XNamespace Xml = XNamespace.Xml;

    public static XDocument Activities(IEnumerable<MonitoredProject> projects, IatiOptions options, DateTimeOffset generatedAt) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement("iati-activities",
                new XAttribute("version", Version),
                new XAttribute("generated-datetime", generatedAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture)),
                projects.Select(p => Activity(p, options))));

    public static string Identifier(MonitoredProject project, IatiOptions options) => $"{options.ReportingOrgRef}-{project.ReceiptCode}";

    /// <summary>IATI ActivityStatus codelist: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 6 suspended.</summary>
    public static string StatusCode(MonitoringStatus status) => status switch
    {
        MonitoringStatus.AwaitingImplementation => "1",
        MonitoringStatus.Implementing => "2",
        MonitoringStatus.Completed => "3",
        MonitoringStatus.Closed => "4",
        _ => "6",
    };

    public static XElement Activity(MonitoredProject p, IatiOptions options)
    {
        var summary = p.Summary;
        var ngo = summary.NgoName ?? $"NGO {p.NgoId}";
        var currency = summary.Currency ?? "VND";
        return new XElement("iati-activity",
            new XAttribute(Xml + "lang", "vi"),
            new XAttribute("default-currency", currency),
            new XAttribute("hierarchy", 1),
            new XElement("iati-identifier", Identifier(p, options)),
            new XElement("reporting-org", new XAttribute("ref", options.ReportingOrgRef), new XAttribute("type", "10"),
                Narratives(Agencies.ForeignAffairs.NameVi, Agencies.ForeignAffairs.NameEn)),
            new XElement("title", Narrative(p.Title.Length > 0 ? p.Title : p.ReceiptCode),
                Narrative(EnglishTitle(p, ngo), "en")),
            new XElement("description", new XAttribute("type", "1"), Narratives(DescriptionVi(p, ngo), DescriptionEn(p, ngo))),
            summary.Objectives is { Length: > 0 } objectives
                ? new XElement("description", new XAttribute("type", "2"), Narrative(objectives))
                : null,
            Organisation(ngo, "1", "21"),
            new XElement("participating-org", new XAttribute("role", "2"), new XAttribute("type", "10"),
                Narratives(Agencies.PeoplesCommittee.NameVi, Agencies.PeoplesCommittee.NameEn)),
            Organisation(ngo, "4", "21"),
            new XElement("other-identifier", new XAttribute("ref", p.DecisionNumber), new XAttribute("type", "A9"),
                new XElement("owner-org", Narratives("Số quyết định phê duyệt của UBND tỉnh", "Approval decision number of the Provincial People's Committee"))),
            new XElement("activity-status", new XAttribute("code", StatusCode(p.Status))),
            Date("1", p.StartDate),
            p.ImplementationStartedOn is { } started ? Date("2", started) : null,
            Date("3", p.EndDate),
            (p.CompletedOn ?? p.ClosedOn) is { } ended ? Date("4", ended) : null,
            new XElement("recipient-country", new XAttribute("code", options.RecipientCountry), new XAttribute("percentage", 100)),
            summary.Locations.Select(l => new XElement("location", new XElement("name", Narrative(l)))),
            DacSectors.Split(summary.Fields).Select(s => new XElement("sector",
                new XAttribute("vocabulary", "1"), new XAttribute("code", s.Sector.Code), new XAttribute("percentage", Number(s.Percentage)),
                Narratives(s.Sector.NameVi, s.Sector.NameEn))),
            // 30: private development finance (the NGO's own funds); 110: standard grant (non-refundable aid).
            new XElement("default-flow-type", new XAttribute("code", "30")),
            new XElement("default-finance-type", new XAttribute("code", "110")),
            Budgets(p),
            p.Tranches.Select(t => Transaction(t, ngo)));
    }

    /// <summary>The approved amount, one original committed budget per year of the project's period.</summary>
    private static IEnumerable<XElement> Budgets(MonitoredProject p)
    {
        var (amount, currency) = p.Summary is { Amount: { } a, Currency: { } c } ? (a, c)
            : p.AmountVnd is { } vnd ? (vnd, "VND") : (0m, "");
        if (currency.Length == 0)
            return [];
        return AnnualBudgets.Split(p.StartDate, p.EndDate, amount).Select(b =>
            new XElement("budget", new XAttribute("type", "1"), new XAttribute("status", "2"),
                new XElement("period-start", IsoDate(b.Start)),
                new XElement("period-end", IsoDate(b.End)),
                Value(b.Amount, currency, p.DecisionDate)));
    }

    private static XElement Transaction(Tranche t, string ngo) => new("transaction",
        new XAttribute("ref", t.Id),
        new XElement("transaction-type", new XAttribute("code", "1")),
        new XElement("transaction-date", IsoDate(t.ReceivedOn)),
        Value(t.Amount, t.Currency, t.ReceivedOn),
        t.Note is { Length: > 0 } note ? new XElement("description", Narrative(note)) : null,
        new XElement("provider-org", new XAttribute("type", "21"), Narrative(ngo)));

    private static XElement Organisation(string name, string role, string type) =>
        new("participating-org", new XAttribute("role", role), new XAttribute("type", type), Narrative(name));

    private static XElement Value(decimal amount, string currency, DateOnly valueDate) =>
        new("value", new XAttribute("currency", currency), new XAttribute("value-date", valueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Number(amount));

    private static XElement Date(string type, DateOnly date) => new("activity-date", new XAttribute("type", type), IsoDate(date));

    private static XAttribute IsoDate(DateOnly date) => new("iso-date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A narrative in the activity's language (vi), or with its own xml:lang.</summary>
    private static XElement Narrative(string text, string? lang = null) =>
        new("narrative", lang is null ? null : new XAttribute(Xml + "lang", lang), text);

    private static XElement[] Narratives(string vi, string en) => [Narrative(vi), Narrative(en, "en")];

    /// <summary>
    /// The NGO's English title when it gave one. The Vietnamese title is the legal one and the English is optional,
    /// so a dossier without it gets a title that says what the project is (not a translation).
    /// </summary>
    private static string EnglishTitle(MonitoredProject p, string ngo) =>
        p.Summary.TitleEn ?? $"Foreign NGO aid {p.ReceiptCode} funded by {ngo}";

    private static string DescriptionVi(MonitoredProject p, string ngo) =>
        $"Viện trợ phi chính phủ nước ngoài của {ngo}{Country(p)}, được UBND tỉnh phê duyệt theo quyết định số {p.DecisionNumber} " +
        $"ngày {p.DecisionDate:dd/MM/yyyy}. Lĩnh vực: {Sectors(p, s => s.NameVi)}.{Places(p, "Địa bàn")}";

    private static string DescriptionEn(MonitoredProject p, string ngo) =>
        $"Foreign non-governmental aid from {ngo}{Country(p)}, approved by the Provincial People's Committee by decision " +
        $"{p.DecisionNumber} of {p.DecisionDate:yyyy-MM-dd}. Sectors: {Sectors(p, s => s.NameEn)}.{Places(p, "Locations")}";

    private static string Country(MonitoredProject p) => p.Summary.NgoCountry is { Length: > 0 } c ? $" ({c})" : "";

    private static string Sectors(MonitoredProject p, Func<DacSector, string> name) =>
        string.Join("; ", DacSectors.Split(p.Summary.Fields).Select(s => name(s.Sector)));

    private static string Places(MonitoredProject p, string label) =>
        p.Summary.Locations.Count == 0 ? "" : $" {label}: {string.Join("; ", p.Summary.Locations)}.";
}
