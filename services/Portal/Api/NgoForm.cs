namespace Aid.Portal.Api;

/// <summary>
/// An NGO's registry record as the intake officer types it (registering, or amending the profile): the body the
/// Registration service expects, and what is missing before anything is sent (the service checks again).
/// </summary>
public sealed class NgoForm
{
    public string NameOwnLanguage { get; set; } = "";
    public string NameEnglish { get; set; } = "";
    public string Acronym { get; set; } = "";
    public string Country { get; set; } = "";
    public string HeadOfficeAddress { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public HashSet<string> Fields { get; } = [];
    public HashSet<string> Provinces { get; } = [];
    public string CertificateKind { get; set; } = "OperationRegistration";
    public string CertificateNumber { get; set; } = "";
    public DateOnly? IssueDate { get; set; }
    public DateOnly? ExpiryDate { get; set; }

    public static NgoForm From(NgoView ngo)
    {
        var form = new NgoForm
        {
            NameOwnLanguage = ngo.Profile.NameOwnLanguage, NameEnglish = ngo.Profile.NameEnglish, Acronym = ngo.Profile.Acronym ?? "",
            Country = ngo.Profile.Country, HeadOfficeAddress = ngo.Profile.HeadOfficeAddress,
            ContactName = ngo.Profile.Contact.Name ?? "", ContactEmail = ngo.Profile.Contact.Email ?? "", ContactPhone = ngo.Profile.Contact.Phone ?? "",
        };
        form.Fields.UnionWith(ngo.Profile.Fields);
        form.Provinces.UnionWith(ngo.Profile.Provinces);
        return form;
    }

    public object Profile() => new
    {
        nameOwnLanguage = NameOwnLanguage.Trim(), nameEnglish = NameEnglish.Trim(), acronym = Optional(Acronym), country = Country,
        headOfficeAddress = HeadOfficeAddress.Trim(),
        contact = new { name = ContactName.Trim(), email = Optional(ContactEmail), phone = Optional(ContactPhone) },
        fields = Fields.Order().ToArray(), provinces = Provinces.Order().ToArray(),
    };

    public object Registration() => new
    {
        profile = Profile(),
        certificate = new { kind = CertificateKind, number = CertificateNumber.Trim(), issueDate = IssueDate, expiryDate = ExpiryDate },
    };

    /// <summary>What is missing, by the element id of its field (the error summary links to it).</summary>
    public List<(string Field, string Message)> Missing(bool withCertificate)
    {
        var missing = new List<(string, string)>();
        void Require(string id, string value, string vi, string en)
        {
            if (string.IsNullOrWhiteSpace(value)) missing.Add((id, Texts.L(vi, en)));
        }
        void RequireDate(string id, DateOnly? value, string vi, string en)
        {
            if (value is null) missing.Add((id, Texts.L(vi, en)));
        }
        Require("nameOwnLanguage", NameOwnLanguage, "Nhập tên gốc của tổ chức.", "Enter the organisation's name in its own language.");
        Require("nameEnglish", NameEnglish, "Nhập tên tiếng Anh của tổ chức.", "Enter the organisation's English name.");
        Require("country", Country, "Chọn quốc gia.", "Choose the country.");
        Require("headOfficeAddress", HeadOfficeAddress, "Nhập địa chỉ trụ sở chính.", "Enter the head office address.");
        Require("contactName", ContactName, "Nhập tên người liên hệ.", "Enter the contact person's name.");
        if (Fields.Count == 0) missing.Add(("fields", Texts.L("Chọn ít nhất một lĩnh vực.", "Choose at least one field.")));
        if (Provinces.Count == 0) missing.Add(("provinces", Texts.L("Chọn ít nhất một địa bàn.", "Choose at least one province.")));
        if (!withCertificate) return missing;
        Require("certificateNumber", CertificateNumber, "Nhập số giấy đăng ký.", "Enter the certificate number.");
        RequireDate("issueDate", IssueDate, "Nhập ngày cấp.", "Enter the date of issue.");
        RequireDate("expiryDate", ExpiryDate, "Nhập ngày hết hạn.", "Enter the expiry date.");
        if (IssueDate is { } issued && ExpiryDate is { } expires && expires <= issued)
            missing.Add(("expiryDate", Texts.L("Ngày hết hạn phải sau ngày cấp.", "The expiry date must be after the date of issue.")));
        return missing;
    }

    /// <summary>The element id of a field the service named (profile.contact.email, certificate.number, …).</summary>
    public static string FieldOf(string serviceField) => serviceField.Replace("profile.", "") switch
    {
        "contact.name" => "contactName",
        "contact.email" => "contactEmail",
        "contact.phone" => "contactPhone",
        "certificate.number" => "certificateNumber",
        "certificate.issueDate" => "issueDate",
        "certificate.expiryDate" => "expiryDate",
        "certificate.kind" => "certificateKind",
        var other when other.StartsWith("fields") => "fields",
        var other when other.StartsWith("provinces") => "provinces",
        var other => other,
    };

    private static string? Optional(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
