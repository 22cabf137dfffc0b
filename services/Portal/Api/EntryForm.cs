using System.Globalization;
using Aid.Portal.Forms;

namespace Aid.Portal.Api;

/// <summary>
/// A catalogue proposal as the commune/ward or department types it (proposing, or revising a returned one): the body
/// Registration expects, amounts read the reader's way, and what is missing before anything is sent (the service checks again).
/// </summary>
public sealed class EntryForm
{
    public static readonly string[] Priorities = ["High", "Medium", "Low"];

    public string TitleVi { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string SummaryVi { get; set; } = "";
    public string SummaryEn { get; set; } = "";
    public string Sector { get; set; } = "";
    public string Commune { get; set; } = "";
    public string Beneficiaries { get; set; } = "";
    public string EstimatedCost { get; set; } = "";
    public string CounterpartFunds { get; set; } = "0";
    public string Priority { get; set; } = "";
    public string ProposingBody { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";

    public static EntryForm From(EntryContentView c) => new()
    {
        TitleVi = c.TitleVi, TitleEn = c.TitleEn, SummaryVi = c.SummaryVi ?? "", SummaryEn = c.SummaryEn ?? "", Sector = c.Sector,
        Commune = c.Commune, Beneficiaries = c.Beneficiaries, EstimatedCost = Texts.Number(c.EstimatedCostVnd),
        CounterpartFunds = Texts.Number(c.CounterpartFundsVnd), Priority = c.Priority, ProposingBody = c.ProposingBody,
        ContactName = c.Contact.Name, ContactPhone = c.Contact.Phone ?? "", ContactEmail = c.Contact.Email ?? "",
    };

    public decimal? Cost => Read(EstimatedCost).Value;

    public decimal? Counterpart => Read(CounterpartFunds).Value;

    /// <summary>The amounts as the portal read them, echoed while typing (what will be stored).</summary>
    public string? CostEcho => EstimatedCost.Trim().Length > 0 && Cost is { } v ? Texts.Vnd(v) : null;

    public string? CounterpartEcho => CounterpartFunds.Trim().Length > 0 && Counterpart is { } v ? Texts.Vnd(v) : null;

    /// <summary>What will be recorded, as the check step and the entry page show it.</summary>
    public EntryContentView Content() => new(
        TitleVi.Trim(), TitleEn.Trim(), Optional(SummaryVi), Optional(SummaryEn), Sector, Commune.Trim(), Beneficiaries.Trim(),
        Cost ?? 0, Counterpart ?? 0, Priority, ProposingBody.Trim(),
        new CatalogueContact(ContactName.Trim(), Optional(ContactPhone), Optional(ContactEmail)));

    /// <summary>The body of a proposal (and, as it is, of a resubmission).</summary>
    public object Entry() => new
    {
        titleVi = TitleVi.Trim(), titleEn = TitleEn.Trim(), summaryVi = Optional(SummaryVi), summaryEn = Optional(SummaryEn),
        sector = Sector, commune = Commune.Trim(), beneficiaries = Beneficiaries.Trim(),
        estimatedCostVnd = Cost, counterpartFundsVnd = Counterpart ?? 0, priority = Optional(Priority), proposingBody = ProposingBody.Trim(),
        contact = new { name = ContactName.Trim(), phone = Optional(ContactPhone), email = Optional(ContactEmail) },
    };

    /// <summary>What is missing or unreadable, by the element id of its field (the error summary links to it).</summary>
    public List<(string Field, string Message)> Missing()
    {
        var missing = new List<(string, string)>();
        void Require(string id, string value, string vi, string en)
        {
            if (string.IsNullOrWhiteSpace(value)) missing.Add((id, Texts.L(vi, en)));
        }
        Require("titleVi", TitleVi, "Nhập tên dự án bằng tiếng Việt.", "Enter the project's title in Vietnamese.");
        Require("titleEn", TitleEn, "Nhập tên dự án bằng tiếng Anh.", "Enter the project's title in English.");
        Require("sector", Sector, "Chọn lĩnh vực.", "Choose the sector.");
        Require("commune", Commune, "Nhập xã, phường thực hiện dự án.", "Enter the commune or ward where the project is.");
        Require("beneficiaries", Beneficiaries, "Nêu đối tượng thụ hưởng.", "Describe the beneficiaries.");
        var cost = Read(EstimatedCost);
        if (string.IsNullOrWhiteSpace(EstimatedCost) || cost.Value == 0)
            missing.Add(("estimatedCost", Texts.L("Nhập tổng kinh phí dự kiến lớn hơn 0.", "Enter an estimated cost above 0.")));
        else if (cost.Error is { } costError)
            missing.Add(("estimatedCost", costError));
        var counterpart = Read(CounterpartFunds.Trim() is { Length: > 0 } c ? c : "0");
        if (counterpart.Error is { } counterpartError)
            missing.Add(("counterpartFunds", counterpartError));
        else if (counterpart.Value > cost.Value)
            missing.Add(("counterpartFunds", Texts.L("Vốn đối ứng không được lớn hơn tổng kinh phí.", "Counterpart funds must not exceed the estimated cost.")));
        Require("priority", Priority, "Chọn mức ưu tiên.", "Choose the priority.");
        Require("proposingBody", ProposingBody, "Nhập đơn vị đề xuất.", "Enter the proposing body.");
        Require("contactName", ContactName, "Nhập họ tên người liên hệ.", "Enter the contact person's name.");
        return missing;
    }

    /// <summary>The element id of a field the service named (contact.name, estimatedCostVnd, …).</summary>
    public static string FieldOf(string serviceField) => serviceField.Replace("entry.", "") switch
    {
        "contact.name" => "contactName",
        "contact.phone" => "contactPhone",
        "contact.email" => "contactEmail",
        "estimatedCostVnd" => "estimatedCost",
        "counterpartFundsVnd" => "counterpartFunds",
        var other => other,
    };

    /// <summary>The service's refusal by field, each message under the field's name (the summary reads on its own).</summary>
    public static List<(string Field, string Message)> ErrorsOf(Problem problem) => problem.Errors
        .Select(e => (FieldOf(e.Key), FieldLabels.Of(e.Key.Split('.')[^1], Texts.English) is { } label ? $"{label}: {e.Value}" : e.Value))
        .ToList();

    private static NumberReading Read(string typed) => NumberEntry.Read(typed.Trim().Length == 0 ? "0" : typed, CultureInfo.CurrentUICulture);

    private static string? Optional(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
