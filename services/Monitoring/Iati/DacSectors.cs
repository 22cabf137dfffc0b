using Aid.Domain.Text;

namespace Aid.Monitoring.Iati;

/// <summary>A DAC 5-digit purpose code (IATI sector vocabulary 1) with its names.</summary>
public sealed record DacSector(string Code, string NameVi, string NameEn);

/// <summary>
/// Maps a dossier's fields (free text, Vietnamese or English) to DAC 5-digit purpose codes. The first row whose
/// keyword occurs in the field (case and diacritics ignored) wins, so the more specific rows come first
/// ("vệ sinh môi trường" is sanitation, 14030, before "môi trường", 41010). A field no row matches is
/// 99810 "Sectors not specified".
/// </summary>
public static class DacSectors
{
    public static readonly DacSector NotSpecified = new("99810", "Lĩnh vực không xác định", "Sectors not specified");

    private static readonly (string[] Keywords, DacSector Sector)[] Table =
    [
        (["nuoc sach", "ve sinh", "water", "sanitation"], new("14030", "Cấp nước sạch và vệ sinh cơ bản", "Basic drinking water supply and basic sanitation")),
        (["hiv", "aids"], new("13040", "Phòng chống HIV/AIDS và bệnh lây truyền qua đường tình dục", "STD control including HIV/AIDS")),
        (["dinh duong", "nutrition"], new("12240", "Dinh dưỡng cơ bản", "Basic nutrition")),
        (["y te", "suc khoe", "benh vien", "tram y te", "health", "hospital"], new("12220", "Chăm sóc sức khỏe cơ bản", "Basic health care")),
        (["day nghe", "nghe nghiep", "vocational"], new("11330", "Đào tạo nghề", "Vocational training")),
        (["tieu hoc", "primary"], new("11220", "Giáo dục tiểu học", "Primary education")),
        (["giao duc", "truong hoc", "hoc bong", "education", "school", "scholarship"], new("11120", "Cơ sở giáo dục và đào tạo", "Education facilities and training")),
        (["bom min", "vat lieu no", "landmine", "unexploded", "ordnance"], new("15250", "Rà phá bom mìn và vật liệu nổ", "Removal of land mines and explosive remnants of war")),
        (["binh dang gioi", "phu nu", "gender", "women"], new("15170", "Tổ chức và phong trào vì quyền phụ nữ", "Women's rights organisations and movements, and government institutions")),
        (["tre em", "nguoi khuyet tat", "nguoi cao tuoi", "bao tro xa hoi", "child", "disab", "elderly", "social protection"], new("16010", "Bảo trợ xã hội", "Social protection")),
        (["thien tai", "phong chong", "bien doi khi hau", "disaster", "climate"], new("74020", "Chuẩn bị ứng phó đa thiên tai", "Multi-hazard response preparedness")),
        (["cuu tro", "khan cap", "nhan dao", "relief", "emergency", "humanitarian"], new("72010", "Cứu trợ vật chất và dịch vụ", "Material relief assistance and services")),
        (["nong nghiep", "chan nuoi", "trong trot", "agricultur", "farming", "livestock"], new("31120", "Phát triển nông nghiệp", "Agricultural development")),
        (["giao thong", "lam duong", "xay duong", "cau dan sinh", "xay cau", "road", "bridge", "transport"], new("21020", "Giao thông đường bộ", "Road transport")),
        (["nong thon", "sinh ke", "giam ngheo", "rural", "livelihood", "poverty"], new("43040", "Phát triển nông thôn", "Rural development")),
        (["nang luong", "luoi dien", "dien mat troi", "energy", "electric", "solar"], new("23110", "Chính sách năng lượng và quản lý hành chính", "Energy policy and administrative management")),
        (["moi truong", "rung", "environment", "forest"], new("41010", "Chính sách môi trường và quản lý hành chính", "Environmental policy and administrative management")),
        (["van hoa", "the thao", "culture", "sport"], new("16061", "Văn hóa và giải trí", "Culture and recreation")),
    ];

    /// <summary>Every sector the mapping can give (the portal's label catalogue is checked against it).</summary>
    public static IReadOnlyList<DacSector> All => [.. Table.Select(t => t.Sector), NotSpecified];

    public static DacSector Of(string field)
    {
        var text = $" {Fold(field)} ";
        foreach (var (keywords, sector) in Table)
            if (keywords.Any(k => text.Contains(k.Length <= 4 ? $" {k} " : k, StringComparison.Ordinal)))
                return sector;
        return NotSpecified;
    }

    /// <summary>The activity's sectors with percentages summing to 100 (each field weighs the same).</summary>
    public static IReadOnlyList<(DacSector Sector, decimal Percentage)> Split(IReadOnlyList<string> fields)
    {
        var sectors = fields.Count == 0 ? [NotSpecified] : fields.Select(Of).ToList();
        var groups = sectors.GroupBy(s => s.Code).Select(g => (Sector: g.First(), Count: g.Count())).ToList();
        var result = new List<(DacSector, decimal)>();
        var left = 100m;
        for (var i = 0; i < groups.Count; i++)
        {
            var share = i == groups.Count - 1 ? left : Math.Round(100m * groups[i].Count / sectors.Count, 2);
            result.Add((groups[i].Sector, share));
            left -= share;
        }
        return result;
    }

    /// <summary>Lower case, without diacritics (đ as d), punctuation as spaces.</summary>
    private static string Fold(string text) =>
        string.Concat(VietnameseText.WithoutDiacritics(text).Select(c => char.IsLetterOrDigit(c) ? c : ' '));
}
