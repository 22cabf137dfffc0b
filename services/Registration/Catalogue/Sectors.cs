using Aid.Domain.Rules;

namespace Aid.Registration.Catalogue;

public sealed record Sector(string Code, string Vi, string En);

/// <summary>The sectors the catalogue and the mobilisation plan are organised by (a fixed list).</summary>
public static class Sectors
{
    public static readonly IReadOnlyList<Sector> All =
    [
        new("DigitalTransformation", "Chuyển đổi số", "Digital transformation"),
        new("GreenGrowth", "Tăng trưởng xanh", "Green growth"),
        new("CircularEconomy", "Kinh tế tuần hoàn", "Circular economy"),
        new("Innovation", "Đổi mới sáng tạo", "Innovation"),
        new("Health", "Y tế", "Health"),
        new("Education", "Giáo dục và đào tạo", "Education and training"),
        new("SocialProtection", "An sinh xã hội", "Social protection"),
        new("Agriculture", "Nông nghiệp và phát triển nông thôn", "Agriculture and rural development"),
        new("WaterSanitation", "Nước sạch và vệ sinh môi trường", "Clean water and sanitation"),
        new("ClimateDisaster", "Ứng phó biến đổi khí hậu và phòng chống thiên tai", "Climate change and disaster risk reduction"),
    ];

    public static Sector? Find(string? code) =>
        All.FirstOrDefault(s => string.Equals(s.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static Bilingual Label(string code) => Find(code) is { } s ? new Bilingual(s.Vi, s.En) : new Bilingual(code, code);

    /// <summary>A sector code from the list (returned in its canonical spelling), or a field error.</summary>
    public static string Sector(this InputCheck check, string field, string? value)
    {
        var code = check.Line(field, value, 100);
        if (code.Length == 0)
            return "";
        if (Find(code) is { } sector)
            return sector.Code;
        check.Fail(field, "Lĩnh vực không có trong danh sách.", "Unknown sector (see /public/catalogue/sectors).");
        return "";
    }
}
