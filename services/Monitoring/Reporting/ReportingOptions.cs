namespace Aid.Monitoring.Reporting;

/// <summary>A province's reporting calendar: when the annual and six-monthly reports are due at Sở Ngoại vụ and
/// the last day their figures cover (month-day, "MM-dd").</summary>
public sealed record ProvincePreset(
    string Code, string NameVi, string NameEn, string AnnualDue, string AnnualPeriodEnd, string SixMonthlyDue, string SixMonthlyPeriodEnd);

/// <summary>
/// Section "Reporting". The three provinces' due dates ship as presets (Đồng Nai before 15/11, Huế before 25/10,
/// Hà Tĩnh before 05/11, each through Sở Ngoại vụ). The period ends and six-monthly dates are editable defaults
/// of this system, not figures from the provinces' documents. Any field set here overrides the preset.
/// </summary>
public sealed class ReportingOptions
{
    public static readonly IReadOnlyList<ProvincePreset> Presets =
    [
        new("dong-nai", "Đồng Nai", "Dong Nai", AnnualDue: "11-15", AnnualPeriodEnd: "10-31", SixMonthlyDue: "05-15", SixMonthlyPeriodEnd: "04-30"),
        new("hue", "Huế", "Hue", AnnualDue: "10-25", AnnualPeriodEnd: "10-15", SixMonthlyDue: "04-25", SixMonthlyPeriodEnd: "04-15"),
        new("ha-tinh", "Hà Tĩnh", "Ha Tinh", AnnualDue: "11-05", AnnualPeriodEnd: "10-31", SixMonthlyDue: "05-05", SixMonthlyPeriodEnd: "04-30"),
    ];

    public string Province { get; set; } = "dong-nai";
    public string? AnnualDue { get; set; }
    public string? AnnualPeriodEnd { get; set; }
    public string? SixMonthlyDue { get; set; }
    public string? SixMonthlyPeriodEnd { get; set; }
    /// <summary>Reminders go to the contributing agencies this many working days before the due date.</summary>
    public int ReminderWorkingDays { get; set; } = 5;
    /// <summary>The agencies asked for their contribution (codes, see Agencies); default: Công an tỉnh, Sở Tài chính,
    /// UBND tỉnh, Sở Y tế and Sở Ngoại vụ itself. (A list default would be appended to by the configuration binder.)</summary>
    public List<string>? ContributingAgencies { get; set; }

    public IReadOnlyList<string> Contributors => ContributingAgencies is { Count: > 0 } set ? set.Distinct().ToList() : ["CAT", "STC", "UBND", "SYT", "SNV"];
    public int ReminderScanSeconds { get; set; } = 3600;

    public ProvincePreset Effective()
    {
        var preset = Presets.FirstOrDefault(p => p.Code == Province) ?? Presets[0];
        return preset with
        {
            AnnualDue = AnnualDue ?? preset.AnnualDue,
            AnnualPeriodEnd = AnnualPeriodEnd ?? preset.AnnualPeriodEnd,
            SixMonthlyDue = SixMonthlyDue ?? preset.SixMonthlyDue,
            SixMonthlyPeriodEnd = SixMonthlyPeriodEnd ?? preset.SixMonthlyPeriodEnd,
        };
    }
}
