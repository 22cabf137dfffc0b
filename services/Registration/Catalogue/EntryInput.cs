using Aid.Domain.Rules;

namespace Aid.Registration.Catalogue;

public sealed record EntryContactInput(string? Name, string? Phone, string? Email);

public sealed record EntryInput(
    string? TitleVi,
    string? TitleEn,
    string? SummaryVi,
    string? SummaryEn,
    string? Sector,
    string? Commune,
    string? Beneficiaries,
    decimal? EstimatedCostVnd,
    decimal? CounterpartFundsVnd,
    EntryPriority? Priority,
    string? ProposingBody,
    EntryContactInput? Contact);

public static class EntryInputCheck
{
    public static EntryContent Content(this InputCheck check, EntryInput? input)
    {
        input ??= new EntryInput(null, null, null, null, null, null, null, null, null, null, null, null);
        var contact = input.Contact ?? new EntryContactInput(null, null, null);
        var cost = check.Amount("estimatedCostVnd", input.EstimatedCostVnd);
        var counterpart = check.Amount("counterpartFundsVnd", input.CounterpartFundsVnd ?? 0, allowZero: true);
        if (input.EstimatedCostVnd is not null && counterpart > cost)
            check.Fail("counterpartFundsVnd", "Vốn đối ứng không được lớn hơn tổng kinh phí.", "Counterpart funds must not exceed the estimated cost.");
        var priority = check.Required("priority", input.Priority);
        if (input.Priority is { } p && !Enum.IsDefined(p))
            check.Fail("priority", "Mức ưu tiên không hợp lệ.", "Unknown priority.");
        return new EntryContent(
            check.Line("titleVi", input.TitleVi),
            check.Line("titleEn", input.TitleEn),
            InputCheck.Optional(check.Paragraphs("summaryVi", input.SummaryVi, required: false)),
            InputCheck.Optional(check.Paragraphs("summaryEn", input.SummaryEn, required: false)),
            check.Sector("sector", input.Sector),
            check.Line("commune", input.Commune, 200),
            check.Paragraphs("beneficiaries", input.Beneficiaries),
            cost,
            counterpart,
            priority,
            check.Line("proposingBody", input.ProposingBody, 300),
            new EntryContact(
                check.Line("contact.name", contact.Name, 200),
                InputCheck.Optional(check.Line("contact.phone", contact.Phone, 50, required: false)),
                InputCheck.Optional(check.Line("contact.email", contact.Email, 200, required: false))));
    }
}
