using System.Text.RegularExpressions;
using QRCoder;

namespace Aid.Portal;

/// <summary>
/// The receipt code as people read and type it, the public lookup address it opens, and that address as a QR code
/// (QRCoder, SVG) for the printed receipt.
/// </summary>
public static partial class ReceiptLookup
{
    /// <summary>{agency}-{yyyyMMdd}-{sequence}, e.g. SNV-20261123-001 (see Registration's ReceiptNumbers); any case.</summary>
    [GeneratedRegex(@"^[A-Za-z]{2,10}-\d{8}-\d{3,6}$")]
    public static partial Regex CodeFormat();

    public const string Example = "SNV-20260101-001";

    /// <summary>The public lookup page with the code filled in (the secret is never in the address).</summary>
    public static string UrlFor(string portalBaseUrl, string code) =>
        portalBaseUrl.TrimEnd('/') + "/lookup?code=" + Uri.EscapeDataString(code);

    /// <summary>The address as a QR code: an SVG data URI for an img element (error correction M, prints at any size).</summary>
    public static string QrDataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>The place and date line of an official slip: "Đồng Nai, ngày 04 tháng 12 năm 2026" / "Đồng Nai, 4 Dec 2026".</summary>
    public static string PlaceAndDate(string province, DateOnly date) => Texts.English
        ? $"{province}, {Texts.Date(date)}"
        : $"{province}, ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}";
}
