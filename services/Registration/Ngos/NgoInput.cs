using System.Text.RegularExpressions;

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

public static partial class NgoInput
{
    [GeneratedRegex(@"^[A-Z]{2,10}$")]
    private static partial Regex ProvinceCode();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^[0-9+() .-]{6,30}$")]
    private static partial Regex Phone();

    public static NgoProfile Profile(this InputCheck check, NgoProfileInput? input, string prefix = "")
    {
        input ??= new NgoProfileInput(null, null, null, null, null, null, null, null);
        var contact = input.Contact ?? new ContactPersonInput(null, null, null);
        var email = check.Text($"{prefix}contact.email", contact.Email, 254, required: false);
        if (email.Length > 0 && !Email().IsMatch(email))
            check.Fail($"{prefix}contact.email", "Địa chỉ email không hợp lệ.", "Invalid e-mail address.");
        var phone = check.Text($"{prefix}contact.phone", contact.Phone, 30, required: false);
        if (phone.Length > 0 && !Phone().IsMatch(phone))
            check.Fail($"{prefix}contact.phone", "Số điện thoại không hợp lệ.", "Invalid phone number.");
        var provinces = check.Texts($"{prefix}provinces", input.Provinces, 63, 10).Select(p => p.ToUpperInvariant()).ToList();
        foreach (var (code, i) in provinces.Select((p, i) => (p, i)))
            if (code.Length > 0 && !ProvinceCode().IsMatch(code))
                check.Fail($"{prefix}provinces[{i}]", "Mã tỉnh gồm 2-10 chữ cái.", "A province code is 2 to 10 letters.");

        return new NgoProfile(
            check.Text($"{prefix}nameOwnLanguage", input.NameOwnLanguage),
            check.Text($"{prefix}nameEnglish", input.NameEnglish),
            check.Text($"{prefix}acronym", input.Acronym, 50, required: false) is { Length: > 0 } acronym ? acronym : null,
            check.Text($"{prefix}country", input.Country, 100),
            check.Text($"{prefix}headOfficeAddress", input.HeadOfficeAddress, 1000),
            new ContactPerson(check.Text($"{prefix}contact.name", contact.Name, 200),
                email.Length > 0 ? email : null, phone.Length > 0 ? phone : null),
            check.Texts($"{prefix}fields", input.Fields, 50, 200),
            provinces);
    }
}
