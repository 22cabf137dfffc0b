using Aid.Contracts.Appraisal;
using Aid.IntegrationTests.Infrastructure;

namespace Aid.IntegrationTests.ProvinceReports;

/// <summary>One NGO's registry entries over time (Vietnam dates on which each change happened).</summary>
public sealed record ScriptedNgo(string Name, Guid Id, string Country, string CertificateKind, DateOnly CertificateFrom, DateOnly CertificateTo,
    DateOnly RegisteredOn, DateOnly? SuspendedOn = null);

/// <summary>
/// One dossier of the scripted year, with each stage's end date, on-time flag and the working days the stage took
/// (counted by hand on the official calendar: 27/04/2026 is the Hùng Kings compensatory day off).
/// </summary>
public sealed record ScriptedDossier(
    string Name, ScriptedNgo Ngo, string Sector, string Commune, string AidKind, decimal Amount, string Currency, decimal AmountVnd,
    DateOnly Received,
    DateOnly? Accepted = null, bool? IntakeOnTime = null, int? IntakeDays = null,
    DateOnly? SecurityConcluded = null, bool? SecurityOnTime = null, int? SecurityDays = null,
    DateOnly? AppraisalOpened = null, DateOnly? AppraisalIssued = null, bool? AppraisalOnTime = null, int? AppraisalDays = null,
    DecisionOutcome? Outcome = null, DateOnly? Decided = null, bool? DecisionOnTime = null, int? DecisionDays = null,
    DateOnly? Withdrawn = null, DateOnly? ImplementationStarted = null)
{
    public Guid Id { get; } = Guid.NewGuid();
    public string ReceiptCode { get; } = TestCodes.Receipt(Received);
    public bool Approved => Outcome == DecisionOutcome.Approved;
}

public sealed record ScriptedTranche(ScriptedDossier Dossier, decimal Amount, string Currency, DateOnly On)
{
    /// <summary>VND at the approved dossier's own rate; null when the currency is neither VND nor the dossier's.</summary>
    public decimal? Vnd => Currency == "VND" ? Amount
        : Currency == Dossier.Currency ? Math.Round(Amount * Dossier.AmountVnd / Dossier.Amount, 0, MidpointRounding.AwayFromZero) : null;
}

public sealed record ScriptedInspection(ScriptedDossier Dossier, DateOnly On, string Verdict);

/// <summary>The year 2026 (and a little of 2025) of a province: NGOs, dossiers through every stage, aid, inspections, the plan.</summary>
public sealed class ProvinceYear
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static readonly DateOnly PeriodStart = D(2026, 1, 1);
    public static readonly DateOnly PeriodEnd = D(2026, 12, 31);

    public ScriptedNgo A { get; } = new("Hope Water International", Guid.NewGuid(), "Hoa Kỳ", "Giấy đăng ký hoạt động", D(2026, 1, 10), D(2031, 1, 9), D(2026, 1, 15));
    public ScriptedNgo B { get; } = new("Sakura Education Fund", Guid.NewGuid(), "Nhật Bản", "Giấy đăng ký lập văn phòng dự án", D(2025, 2, 20), D(2027, 2, 19), D(2025, 3, 1));
    public ScriptedNgo C { get; } = new("Frontier Health Alliance", Guid.NewGuid(), "Hoa Kỳ", "Giấy đăng ký hoạt động", D(2025, 3, 15), D(2030, 3, 14), D(2025, 4, 1), SuspendedOn: D(2026, 2, 1));
    public ScriptedNgo E { get; } = new("Thames Relief", Guid.NewGuid(), "Vương quốc Anh", "Giấy đăng ký hoạt động", D(2023, 1, 1), D(2025, 12, 31), D(2023, 1, 5));

    public IReadOnlyList<ScriptedNgo> Ngos => [A, B, C, E];

    public ScriptedDossier D1 { get; }
    public ScriptedDossier D2 { get; }
    public ScriptedDossier D3 { get; }
    public ScriptedDossier D4 { get; }
    public ScriptedDossier D5 { get; }
    public ScriptedDossier D0 { get; }
    public ScriptedDossier D6 { get; }

    public ProvinceYear()
    {
        D1 = new("D1", A, "Y tế", "Xã Phú Lý", "Project", 100_000m, "USD", 2_540_000_000m, D(2026, 3, 2),
            Accepted: D(2026, 3, 6), IntakeOnTime: true, IntakeDays: 4,
            SecurityConcluded: D(2026, 3, 13), SecurityOnTime: true, SecurityDays: 5,
            AppraisalOpened: D(2026, 3, 16), AppraisalIssued: D(2026, 3, 20), AppraisalOnTime: true, AppraisalDays: 4,
            Outcome: DecisionOutcome.Approved, Decided: D(2026, 3, 27), DecisionOnTime: true, DecisionDays: 5,
            ImplementationStarted: D(2026, 4, 15));
        D2 = new("D2", B, "Giáo dục", "Xã Long Thành", "NonProject", 5_000_000m, "JPY", 850_000_000m, D(2026, 3, 2),
            Accepted: D(2026, 3, 10), IntakeOnTime: false, IntakeDays: 6,
            SecurityConcluded: D(2026, 3, 20), SecurityOnTime: false, SecurityDays: 8,
            AppraisalOpened: D(2026, 3, 23), AppraisalIssued: D(2026, 3, 27), AppraisalOnTime: true, AppraisalDays: 4,
            Outcome: DecisionOutcome.Approved, Decided: D(2026, 4, 3), DecisionOnTime: true, DecisionDays: 5);
        D3 = new("D3", A, "Y tế", "Xã Phú Lý", "Project", 30_000m, "USD", 762_000_000m, D(2026, 4, 6),
            Accepted: D(2026, 4, 9), IntakeOnTime: true, IntakeDays: 3,
            SecurityConcluded: D(2026, 4, 16), SecurityOnTime: true, SecurityDays: 5,
            AppraisalOpened: D(2026, 4, 17), AppraisalIssued: D(2026, 4, 24), AppraisalOnTime: true, AppraisalDays: 5,
            Outcome: DecisionOutcome.Refused, Decided: D(2026, 4, 29), DecisionOnTime: false, DecisionDays: 2);
        D4 = new("D4", B, "Tôn giáo", "Xã Long Thành", "Project", 20_000m, "USD", 508_000_000m, D(2026, 5, 4),
            Accepted: D(2026, 5, 8), IntakeOnTime: true, IntakeDays: 4,
            SecurityConcluded: D(2026, 5, 15), SecurityOnTime: null, SecurityDays: 5,
            Outcome: DecisionOutcome.ForwardedToPrimeMinister, Decided: D(2026, 6, 5), DecisionOnTime: true, DecisionDays: null);
        D5 = new("D5", A, "Môi trường", "Xã Phú Lý", "Project", 10_000m, "USD", 254_000_000m, D(2026, 6, 1), Withdrawn: D(2026, 6, 15));
        D0 = new("D0", C, "Y tế", "Xã Phú Lý", "Project", 50_000m, "USD", 1_200_000_000m, D(2025, 5, 5),
            Outcome: DecisionOutcome.Approved, Decided: D(2025, 6, 2), DecisionOnTime: true, ImplementationStarted: D(2025, 7, 1));
        D6 = new("D6", B, "Giáo dục", "Xã Long Thành", "Project", 15_000m, "USD", 381_000_000m, D(2025, 11, 20));
    }

    public IReadOnlyList<ScriptedDossier> Dossiers => [D0, D1, D2, D3, D4, D5, D6];

    public IReadOnlyList<ScriptedTranche> Tranches =>
    [
        new(D1, 40_000m, "USD", D(2026, 5, 4)),
        new(D1, 20_000m, "USD", D(2026, 9, 1)),
        new(D1, 5_000m, "EUR", D(2026, 10, 1)),
        new(D2, 1_000_000m, "JPY", D(2026, 6, 1)),
        new(D0, 50_000m, "USD", D(2025, 8, 1)),
        new(D0, 10_000m, "USD", D(2026, 2, 2)),
    ];

    public IReadOnlyList<ScriptedInspection> Inspections =>
    [
        new(D1, D(2026, 6, 10), "Compliant"),
        new(D2, D(2026, 7, 15), "MinorIssues"),
        new(D0, D(2026, 3, 3), "NonCompliant"),
        new(D0, D(2025, 10, 1), "Compliant"),
    ];

    /// <summary>The 2026 plan, adopted then revised (the revision counts).</summary>
    public IReadOnlyList<(DateOnly Adopted, IReadOnlyList<(string Sector, decimal Target)> Targets)> Plans =>
    [
        (D(2026, 1, 20), [("Y tế", 5_000_000_000m), ("Giáo dục", 2_000_000_000m)]),
        (D(2026, 4, 1), [("Y tế", 6_000_000_000m), ("Giáo dục", 2_000_000_000m)]),
    ];

    /// <summary>Catalogue entries: published on, and the funding level they reached (null: none).</summary>
    public IReadOnlyList<(DateOnly Published, string? Funded)> Catalogue =>
    [
        (D(2026, 2, 1), "Fully"),
        (D(2026, 2, 1), "Partly"),
        (D(2026, 3, 1), null),
        (D(2025, 12, 1), "Fully"),
    ];

    public const string FinanceContribution = "Sở Tài chính đã thẩm định 3 hồ sơ, không phát hiện sai phạm về tài chính.";

    public static bool InPeriod(DateOnly day, int year) => day >= new DateOnly(year, 1, 1) && day <= new DateOnly(year, 12, 31);
}
