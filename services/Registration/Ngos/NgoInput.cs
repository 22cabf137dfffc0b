using System.Text.RegularExpressions;
using Aid.Registration.PersonalData;
using Aid.Domain.Rules;

namespace Aid.Registration.Ngos;

public sealed record ContactPersonInput(string? Name, string? Email, string? Phone);

public sealed record NgoProfileInput(
    string? NameOwnLanguage,
    string? NameEnglish,
    string? Acronym,
    string? Country,
    string? HeadOfficeAddress,
    ContactPersonInput? Contact,
    IReadOnlyList<string?>? Fields,
    IReadOnlyList<string?>? Provinces);

/// <summary>The profile as typed, before its contact person is sealed with the person's key.</summary>
public sealed record ProfileDraft(
    string NameOwnLanguage, string NameEnglish, string? Acronym, string Country, string HeadOfficeAddress,
    ContactPerson Contact, IReadOnlyList<string> Fields, IReadOnlyList<string> Provinces)
{
    public NgoProfile Sealed(SealedPersonalData contact) =>
        new(NameOwnLanguage, NameEnglish, Acronym, Country, HeadOfficeAddress, contact, Fields, Provinces);
}

public static partial class NgoInput
{
    [GeneratedRegex(@"^[A-Z]{2,10}$")]
    private static partial Regex ProvinceCode();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^[0-9+() .-]{6,30}$")]
    private static partial Regex Phone();

    public static ProfileDraft Profile(this InputCheck check, NgoProfileInput? input, string prefix = "")
    {
        input ??= new NgoProfileInput(null, null, null, null, null, null, null, null);
        var contact = input.Contact ?? new ContactPersonInput(null, null, null);
        var email = check.Line($"{prefix}contact.email", contact.Email, 254, required: false);
        if (email.Length > 0 && !Email().IsMatch(email))
            check.Fail($"{prefix}contact.email", "Địa chỉ email không hợp lệ.", "Invalid e-mail address.");
        var phone = check.Line($"{prefix}contact.phone", contact.Phone, 30, required: false);
        if (phone.Length > 0 && !Phone().IsMatch(phone))
            check.Fail($"{prefix}contact.phone", "Số điện thoại không hợp lệ.", "Invalid phone number.");
        var provinces = check.Lines($"{prefix}provinces", input.Provinces, 63, 10).Select(p => p.ToUpperInvariant()).ToList();
        foreach (var (code, i) in provinces.Select((p, i) => (p, i)))
            if (code.Length > 0 && !ProvinceCode().IsMatch(code))
                check.Fail($"{prefix}provinces[{i}]", "Mã tỉnh gồm 2-10 chữ cái.", "A province code is 2 to 10 letters.");

        return new ProfileDraft(
            check.Line($"{prefix}nameOwnLanguage", input.NameOwnLanguage),
            check.Line($"{prefix}nameEnglish", input.NameEnglish),
            InputCheck.Optional(check.Line($"{prefix}acronym", input.Acronym, 50, required: false)),
            check.Line($"{prefix}country", input.Country, 100),
            check.Line($"{prefix}headOfficeAddress", input.HeadOfficeAddress, 1000),
            new ContactPerson(check.Line($"{prefix}contact.name", contact.Name, 200),
                InputCheck.Optional(email), InputCheck.Optional(phone)),
            check.Lines($"{prefix}fields", input.Fields, 50, 200),
            provinces);
    }

    public static Certificate Certificate(this InputCheck check, CertificateInput? input)
    {
        input ??= new CertificateInput(null, null, null, null);
        var kind = check.Required("certificate.kind", input.Kind);
        var issued = check.Date("certificate.issueDate", input.IssueDate) ?? default;
        var expires = check.Date("certificate.expiryDate", input.ExpiryDate) ?? default;
        if (input.IssueDate is not null && input.ExpiryDate is not null && expires <= issued)
            check.Fail("certificate.expiryDate", "Ngày hết hạn phải sau ngày cấp.", "The expiry date must be after the issue date.");
        return new Certificate(kind, check.Line("certificate.number", input.Number, 100), issued, expires);
    }
}
