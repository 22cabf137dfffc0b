using System.Text.Json;
using Aid.Contracts.Desks;
using Aid.Portal.Api;
using Aid.Domain.Province;

namespace Aid.Portal.Labels;

/// <summary>
/// The one catalogue of what the services' codes read as, in Vietnamese and English: verdicts, severities, sensitive
/// areas, kinds, stages, statuses, tracks, DAC sectors, event names (codes.json) and countries by ISO 3166-1 alpha-2
/// code (countries.csv: names from CLDR). Pages print a code only through here; a code the catalogue does not know
/// is shown as it came.
/// </summary>
public static class CodeLabels
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, Label>> Groups = LoadCodes();
    private static readonly IReadOnlyDictionary<string, Label> Countries = LoadCountries();

    /// <summary>Which group a JSON field's value belongs to, where the field's name says (otherwise any group is tried).</summary>
    private static readonly Dictionary<string, string> GroupOfField = new(StringComparer.OrdinalIgnoreCase)
    {
        ["verdict"] = "verdict", ["securityVerdict"] = "verdict",
        ["severity"] = "severity",
        ["sensitiveAreas"] = "sensitiveArea", ["sensitiveArea"] = "sensitiveArea",
        ["aidKind"] = "aidKind",
        ["certificateKind"] = "certificateKind",
        ["standing"] = "standing",
        ["stage"] = "stage", ["decisionStage"] = "stage", ["appraisalStage"] = "stage",
        ["track"] = "track",
        ["grounds"] = "sensitiveArea",
        ["decidedBy"] = "decidedBy", ["proposedDecidedBy"] = "decidedBy",
        ["reportKind"] = "reportKind", ["reportKey"] = "reportKind",
        ["recommendation"] = "recommendation",
        ["outcome"] = "outcome",
        ["stance"] = "stance",
        ["compliance"] = "compliance",
        ["donorKind"] = "donorKind",
        ["priority"] = "priority",
        ["funding"] = "funding",
        ["role"] = "role",
        ["provinces"] = "province", ["province"] = "province",
        ["fields"] = "sector", ["sectors"] = "sector",
        ["sector"] = "sector", ["sectorCode"] = "sector", ["dacSector"] = "sector",
        ["eventType"] = "event", ["type"] = "event",
        ["service"] = "service",
        ["deadline"] = "deadline", ["flag"] = "deadline",
    };

    /// <summary>
    /// Enums the services store as numbers in their events (the auditor's raw data): the codes in declaration order,
    /// by "{event}.{field}", "{parent}.{field}" or "{field}" (camelCase), with the group that labels them. The unit
    /// tests check each list against the service's enum.
    /// </summary>
    private static readonly Dictionary<string, (string Group, string[] Codes)> Ordinals = new(StringComparer.Ordinal)
    {
        ["content.kind"] = ("aidKind", ["Programme", "Project", "NonProjectAid", "EmergencyRelief"]),
        ["sensitiveAreas"] = ("sensitiveArea", ["Religion", "Ethnicity", "HumanRights", "Democracy", "DefenceBorder", "Land", "EnvironmentEnergyTransition", "DataDigitalTransformation"]),
        ["verdict"] = ("verdict", ["Cleared", "ClearedWithConditions", "Objection"]),
        ["InspectionRecorded.verdict"] = ("compliance", ["Compliant", "MinorIssues", "NonCompliant"]),
        ["severity"] = ("severity", ["Low", "Medium", "High", "Critical"]),
        ["track"] = ("track", ["Standard", "Full"]),
        ["stage"] = ("stage", ["IntakeCheck", "Security", "Opinions", "Appraisal", "Decision"]),
        ["recommendation"] = ("recommendation", ["Approve", "ApproveWithConditions", "Refuse"]),
        ["outcome"] = ("outcome", ["Approved", "Refused", "ForwardedToPrimeMinister"]),
        ["AppraisalApologyIssued.stage"] = ("stage", ["Appraisal", "Decision"]),
        ["CommendationDecided.outcome"] = ("commendation", ["Commended", "NotCommended"]),
        ["stance"] = ("stance", ["Supports", "Objects"]),
        ["certificate.kind"] = ("certificateKind", ["OperationRegistration", "RepresentativeOffice", "ProjectOffice"]),
        ["certificateKind"] = ("certificateKind", ["OperationRegistration", "RepresentativeOffice", "ProjectOffice"]),
        ["standing"] = ("standing", ["Active", "Suspended", "Revoked"]),
        ["change"] = ("registryChange", ["Registered", "Amended", "CertificateExtended", "Suspended", "Revoked"]),
        ["details.kind"] = ("donorKind", ["ForeignInvestedEnterprise", "Individual", "FriendshipAssociation", "InternationalOrganisation", "Other"]),
        ["schedule.kind"] = ("reportKind", ["SixMonthly", "Annual", "Final"]),
        ["ProjectStatusChanged.status"] = ("projectStatus", ["Implementing", "Suspended", "Completed", "Closed"]),
        ["priority"] = ("priority", ["High", "Medium", "Low"]),
        ["level"] = ("funding", ["Partly", "Fully"]),
    };

    /// <summary>The code an enum stored as a number stands for, given the event, the enclosing field and the field.</summary>
    public static (string Group, string Code)? Ordinal(string? eventType, string? parent, string field, int value)
    {
        foreach (var key in new[] { $"{eventType}.{field}", $"{parent}.{field}", field })
            if (Ordinals.TryGetValue(key, out var ordinal))
                return value >= 0 && value < ordinal.Codes.Length ? (ordinal.Group, ordinal.Codes[value]) : null;
        return null;
    }

    /// <summary>The field's values are codes of a group of the catalogue ("sectorCode", "track").</summary>
    public static bool KnowsField(string field) => GroupOfField.ContainsKey(field);

    /// <summary>Every group's name and codes (for tests and for the browser check's list of raw codes).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Label>> All => Groups;

    public static IReadOnlyDictionary<string, Label> AllCountries => Countries;

    /// <summary>The label of a code in a group, or null if the group has no such code.</summary>
    public static Label? Find(string group, string? code) =>
        code is not null && Groups.TryGetValue(group, out var codes) && codes.TryGetValue(code, out var label) ? label : null;

    /// <summary>A code of a group in the reader's language; an unknown code as it came, none as a dash.</summary>
    public static string Of(string group, string? code) => Find(group, code)?.ToString() ?? code ?? "—";

    public static string Verdict(string? code) => Of("verdict", code);
    public static string Severity(string? code) => Of("severity", code);
    public static string SensitiveArea(string? code) => Of("sensitiveArea", code);
    public static string AidKind(string? code) => Of("aidKind", code);
    public static string DocumentKind(string? code) => Of("documentKind", code);
    public static string CertificateKind(string? code) => Of("certificateKind", code);
    public static string Stage(string? code) => Of("stage", code);
    public static string Track(string? code) => Of("track", code);
    public static string Sector(string? code) => Of("sector", code);
    public static string Event(string? type) => Of("event", type);

    /// <summary>An agency by its official name, from its code (the claim and the services carry codes).</summary>
    public static string Agency(string? code) => code is not null && Agencies.Find(code) is { } a ? Texts.L(a.NameVi, a.NameEn) : code ?? "—";
    public static string Service(Service service) => Of("service", service.ToString());

    /// <summary>A report period key as Monitoring writes it: "final", "2026" (annual), "2026-H1" (six-monthly).</summary>
    public static string ReportKey(string? key) => key switch
    {
        null => "—",
        _ when Find("reportKind", key) is { } kind => kind.ToString(),
        _ when key.Length == 4 && int.TryParse(key, out var year) => Texts.L($"Báo cáo năm {year}", $"Annual report {year}"),
        _ when key.Length == 7 && key.EndsWith("-H1", StringComparison.Ordinal) => Texts.L($"Báo cáo 6 tháng đầu năm {key[..4]}", $"Six-monthly report, first half of {key[..4]}"),
        _ => key,
    };

    /// <summary>A country by its ISO 3166-1 alpha-2 code (any case); a name that is not a code is shown as it came.</summary>
    public static string Country(string? code) =>
        code is null ? "—" : FindCountry(code)?.ToString() ?? code;

    /// <summary>A country by its code, or by its English or Vietnamese name as older records wrote it ("Germany").</summary>
    private static Label? FindCountry(string text)
    {
        var trimmed = text.Trim();
        return Countries.TryGetValue(trimmed.ToUpperInvariant(), out var byCode) ? byCode
            : Countries.Values.FirstOrDefault(c => string.Equals(c.En, trimmed, StringComparison.OrdinalIgnoreCase)
                                                   || string.Equals(c.Vi, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Codes of a list (sectors, provinces) in the reader's language, joined with commas.</summary>
    public static string List(string group, IEnumerable<string> codes) => string.Join(", ", codes.Select(c => Of(group, c)));

    /// <summary>
    /// What a service's string value reads as under the field it came in: a code of the field's group, a country, a
    /// security screening reason ("sensitive-area:Religion"), or a code of any group; null when it is not a code.
    /// </summary>
    public static string? Value(string? field, string value)
    {
        if (field is not null && GroupOfField.TryGetValue(field, out var group))
        {
            if (group == "reportKind" && ReportKey(value) is var key && key != value) return key;
            if (Find(group, value) is { } own) return own.ToString();
        }
        if (field is not null && field.Contains("country", StringComparison.OrdinalIgnoreCase) && FindCountry(value) is { } country)
            return country.ToString();
        if (field is not null && field.Contains("agency", StringComparison.OrdinalIgnoreCase) && AgencyName.All.FirstOrDefault(a => a.Code == value) is { } agency)
            return agency.ToString();
        if (value.StartsWith("sensitive-area:", StringComparison.Ordinal))
            return $"{Of("screeningReason", "sensitive-area")}: {SensitiveArea(value["sensitive-area:".Length..])}";
        foreach (var codes in Groups.Values)
            if (codes.TryGetValue(value, out var any))
                return any.ToString();
        return null;
    }

    /// <summary>Every code that is a word (not a number): none may appear in the visible text of a Vietnamese page.</summary>
    public static IEnumerable<string> WordCodes => Groups.Values.SelectMany(g => g.Keys).Where(k => !k.All(char.IsDigit)).Distinct();

    private static Stream Resource(string name) =>
        typeof(CodeLabels).Assembly.GetManifestResourceStream($"Aid.Portal.Labels.{name}")
        ?? throw new InvalidOperationException($"The portal is built without its label resource {name}.");

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Label>> LoadCodes()
    {
        using var stream = Resource("codes.json");
        var raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string[]>>>(stream)!;
        return raw.ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<string, Label>)g.Value.ToDictionary(c => c.Key, c => new Label(c.Value[0], c.Value[1]), StringComparer.Ordinal));
    }

    /// <summary>countries.csv: a comment line, a header (code,vi,en), then one country a line; a name with a comma is quoted.</summary>
    private static IReadOnlyDictionary<string, Label> LoadCountries()
    {
        using var reader = new StreamReader(Resource("countries.csv"));
        var countries = new Dictionary<string, Label>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.StartsWith("code,", StringComparison.Ordinal) || line.Length == 0) continue;
            var cells = Cells(line);
            countries[cells[0]] = new Label(cells[1], cells[2]);
        }
        return countries;
    }

    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
