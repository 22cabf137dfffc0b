namespace Aid.Domain.Province;

public sealed record Agency(string Code, string NameVi, string NameEn);

/// <summary>The agencies that work a dossier, with their official names (claim "agency" carries the code).</summary>
public static class Agencies
{
    public static readonly Agency ForeignAffairs = new("SNV", "Sở Ngoại vụ", "Department of Foreign Affairs");
    public static readonly Agency Police = new("CAT", "Công an tỉnh", "Provincial Police");
    public static readonly Agency Finance = new("STC", "Sở Tài chính", "Department of Finance");
    public static readonly Agency PeoplesCommittee = new("UBND", "Ủy ban nhân dân tỉnh", "Provincial People's Committee");
    public static readonly Agency Inspectorate = new("TTT", "Thanh tra tỉnh", "Provincial Inspectorate");
    public static readonly Agency Ngo = new("NGO", "Tổ chức phi chính phủ nước ngoài", "Foreign NGO");
    public static readonly Agency FriendshipUnion = new("LHHN", "Liên hiệp các tổ chức hữu nghị tỉnh", "Provincial Union of Friendship Organisations");
    public static readonly Agency Health = new("SYT", "Sở Y tế", "Department of Health");
    public static readonly Agency CommuneCommittee = new("UBNDX", "Ủy ban nhân dân cấp xã", "Commune People's Committee");

    public static readonly IReadOnlyList<Agency> All = [ForeignAffairs, Police, Finance, PeoplesCommittee, Inspectorate, Ngo, FriendshipUnion, Health, CommuneCommittee];

    public static Agency? Find(string code) => All.FirstOrDefault(a => a.Code == code);
}
