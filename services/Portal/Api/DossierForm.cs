using System.Globalization;
using System.Security.Cryptography;
using Aid.Portal.Forms;
using Aid.Portal.Labels;

namespace Aid.Portal.Api;

/// <summary>A file chosen for a dossier: kept in memory until the dossier exists, then uploaded.</summary>
public sealed record ChosenFile(string Kind, string Name, string ContentType, byte[] Content)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));
}

/// <summary>
/// What the NGO types into the submission form, checked as they type with the same rules the Registration service
/// applies (the service checks again and has the last word).
/// </summary>
public sealed class DossierForm
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public static readonly string[] Kinds = ["Project", "Programme", "NonProjectAid", "EmergencyRelief"];
    public static readonly string[] SensitiveAreaNames =
        ["Religion", "Ethnicity", "HumanRights", "Democracy", "DefenceBorder", "Land", "EnvironmentEnergyTransition", "DataDigitalTransformation"];
    public static readonly string[] AllowedExtensions = [".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png"];

    public string Kind { get; set; } = "Project";
    public string Title { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string AidOwner { get; set; } = "";
    public string ManagingAgency { get; set; } = "";
    public string Fields { get; set; } = "";
    public string Locations { get; set; } = "";
    public string Amount { get; set; } = "";
    public string Currency { get; set; } = "USD";
    public string ExchangeRate { get; set; } = "";
    public string Counterpart { get; set; } = "0";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string Objectives { get; set; } = "";
    public string Beneficiaries { get; set; } = "";
    public HashSet<string> SensitiveAreas { get; } = [];
    public Dictionary<string, ChosenFile> Files { get; } = [];

    public static IReadOnlyList<string> RequiredDocuments(string kind) => kind switch
    {
        "Programme" => ["ProgrammeDocument", "CommitmentLetter"],
        "Project" => ["ProjectDocument", "CommitmentLetter"],
        "NonProjectAid" => ["GoodsList", "CommitmentLetter"],
        _ => ["CommitmentLetter"],
    };

    /// <summary>Every problem, by field, in the reader's language.</summary>
    public Dictionary<string, string> Errors()
    {
        var errors = new Dictionary<string, string>();
        void Positive(string field, string typed, string whenZero)
        {
            var reading = Read(typed);
            if (reading.Error is { } error) errors[field] = string.IsNullOrWhiteSpace(typed) ? whenZero : error;
            else if (reading.Value is not > 0) errors[field] = whenZero;
        }
        void Required(string field, string value)
        {
            if (string.IsNullOrWhiteSpace(value)) errors[field] = Texts.L("Bắt buộc.", "Required.");
            else if (value.Length > 500) errors[field] = Texts.L("Tối đa 500 ký tự.", "At most 500 characters.");
        }
        Required(nameof(Title), Title);
        Required(nameof(AidOwner), AidOwner);
        Required(nameof(ManagingAgency), ManagingAgency);
        Required(nameof(Objectives), Objectives);
        Required(nameof(Beneficiaries), Beneficiaries);
        if (Lines(Fields).Count == 0) errors[nameof(Fields)] = Texts.L("Nêu ít nhất một lĩnh vực.", "Name at least one field.");
        if (Lines(Locations).Count == 0) errors[nameof(Locations)] = Texts.L("Nêu ít nhất một địa điểm.", "Name at least one location.");
        Positive(nameof(Amount), Amount, Texts.L("Nhập số tiền lớn hơn 0.", "Enter an amount above 0."));
        if (!CurrencyValid)
            errors[nameof(Currency)] = Texts.L("Mã tiền tệ 3 chữ in hoa (USD, EUR, VND).", "A 3-letter currency code (USD, EUR, VND).");
        if (!IsVnd) Positive(nameof(ExchangeRate), ExchangeRate, Texts.L("Nhập tỷ giá quy đổi sang VND.", "Enter the exchange rate to VND."));
        if (Read(Counterpart).Error is { } counterpartError) errors[nameof(Counterpart)] = counterpartError;
        var start = StartDate;
        var end = EndDate;
        if (start is null) errors[nameof(StartDate)] = Texts.L("Chọn ngày bắt đầu.", "Choose the start date.");
        if (end is null) errors[nameof(EndDate)] = Texts.L("Chọn ngày kết thúc.", "Choose the end date.");
        else if (start is not null && end < start) errors[nameof(EndDate)] = Texts.L("Ngày kết thúc không được trước ngày bắt đầu.", "The end date must not be before the start date.");
        foreach (var kind in RequiredDocuments(Kind).Where(k => !Files.ContainsKey(k)))
            errors["File" + kind] = Texts.L($"Cần tệp: {CodeLabels.DocumentKind(kind)}.", $"File needed: {CodeLabels.DocumentKind(kind)}.");
        return errors;
    }

    public SubmitDossierRequest ToRequest(Guid id) => new(id, Kind, Title.Trim(), AidOwner.Trim(), ManagingAgency.Trim(),
        Lines(Fields), Lines(Locations),
        new BudgetInput(AmountValue ?? 0, Currency.Trim(), IsVnd ? null : RateValue, Read(Counterpart).Value ?? 0),
        StartDate, EndDate, Objectives.Trim(), Beneficiaries.Trim(),
        Files.Values.Select(f => new DocumentInput(f.Kind, f.Name, f.Content.LongLength, f.Sha256)).ToList(),
        SensitiveAreas.ToList())
    {
        TitleEn = TitleEn.Trim() is { Length: > 0 } en ? en : null,
    };

    /// <summary>One item a line (commas also separate fields).</summary>
    public static List<string> Lines(string text) => text.Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public bool IsVnd => Currency.Trim() == "VND";

    public decimal? AmountValue => Read(Amount).Value;

    public decimal? RateValue => Read(ExchangeRate).Value;

    /// <summary>The budget in VND as it will be stored (the amount itself when it is in VND).</summary>
    public decimal? AmountVnd => IsVnd ? AmountValue : AmountValue * RateValue;

    /// <summary>The amount as understood, with its VND equivalent at the typed rate.</summary>
    public string? AmountEcho => AmountValue is { } amount && CurrencyValid
        ? Texts.Money(amount, Currency.Trim()) + (!IsVnd && AmountVnd is { } vnd ? " = " + Texts.Vnd(vnd) : "")
        : null;

    public string? RateEcho => !IsVnd && RateValue is { } rate && CurrencyValid
        ? $"1 {Currency.Trim()} = {Texts.Vnd(rate)}"
        : null;

    public string? CounterpartEcho => Read(Counterpart).Value is { } counterpart ? Texts.Vnd(counterpart) : null;

    private bool CurrencyValid => Currency.Trim() is { Length: 3 } code && code.All(char.IsAsciiLetterUpper);

    private static NumberReading Read(string typed) => NumberEntry.Read(typed, CultureInfo.CurrentUICulture);


    public static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
