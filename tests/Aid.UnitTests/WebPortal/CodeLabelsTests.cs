using System.Globalization;
using System.Reflection;
using Aid.Portal;
using Aid.Portal.Labels;
using Xunit;

namespace Aid.UnitTests.WebPortal;

/// <summary>
/// The portal's label catalogue covers every code a page may show, in Vietnamese and English: every event type of
/// every service (found by reflection: what the services' aggregates and projections apply, and every contract
/// event), every enum value the services send, every DAC and plan sector, every ISO 3166-1 country.
/// </summary>
public sealed class CodeLabelsTests
{
    private static readonly Assembly[] Services =
    [
        typeof(Aid.Registration.Dossiers.Dossier).Assembly, typeof(Aid.Security.Reviews.SecurityReview).Assembly,
        typeof(Aid.Appraisal.Appraisals.DossierAppraisal).Assembly, typeof(Aid.Monitoring.Projects.MonitoredProject).Assembly,
    ];

    /// <summary>Every event a service appends or receives: the first parameter of Apply/Create methods (IEvent&lt;T&gt; unwrapped), and the contracts' events.</summary>
    public static TheoryData<string> EventTypes()
    {
        var data = new TheoryData<string>();
        foreach (var name in EventTypeList().Select(t => t.Name).Distinct().Order())
            data.Add(name);
        return data;
    }

    private static IReadOnlyList<Type> EventTypeList()
    {
        var applied = Services.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name is "Apply" or "Create")
            .SelectMany(m => m.GetParameters().Take(1).Select(p => p.ParameterType))
            .Select(t => t.IsGenericType && t.GetGenericTypeDefinition().Name.StartsWith("IEvent", StringComparison.Ordinal) ? t.GetGenericArguments()[0] : t)
            .Where(t => t.Namespace?.StartsWith("Aid.", StringComparison.Ordinal) == true && t.IsClass);
        var contracts = typeof(Aid.Contracts.EventMetadata).Assembly.GetTypes()
            .Where(t => t is { IsInterface: false, IsAbstract: false } && t.GetProperties().Any(p => p.PropertyType == typeof(Aid.Contracts.EventMetadata)));
        return applied.Concat(contracts).Distinct().ToList();
    }

    [Fact]
    public void Reflection_finds_the_events_of_every_service()
    {
        var names = EventTypes().Cast<object[]>().Select(row => (string)row[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "DossierSubmitted", "ReviewConcluded", "DossierApproved", "ProjectMonitoringStarted", "NgoRegistered", "SecurityReviewConcluded" }, names);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_type_has_a_label_in_both_languages(string type) => AssertTranslated("event", type);

    /// <summary>
    /// The auditor reads every event's data under labels: every property of every event type, and of the records
    /// inside them, has a label (the services store them as PascalCase, the portal looks them up camelCase).
    /// </summary>
    [Fact]
    public void Every_field_of_every_event_has_a_label()
    {
        var seen = new HashSet<Type>();
        var missing = new SortedSet<string>();
        void Visit(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsArray) { Visit(type.GetElementType()!); return; }
            if (type.IsGenericType) { foreach (var argument in type.GetGenericArguments()) Visit(argument); return; }
            if (type.Namespace?.StartsWith("Aid.", StringComparison.Ordinal) != true || type.IsEnum || !seen.Add(type)) return;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
                if (FieldLabels.Of(name, english: false) is null) missing.Add($"{name} ({type.Name})");
                Visit(property.PropertyType);
            }
        }
        foreach (var type in EventTypeList())
            Visit(type);
        Assert.True(missing.Count == 0, "No label for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_enum_an_event_stores_as_a_number_reads_as_its_code()
    {
        var lines = new SortedSet<string>();
        var seen = new HashSet<Type>();
        void Visit(Type type, string owner, string parent)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsArray) { Visit(type.GetElementType()!, owner, parent); return; }
            if (type.IsGenericType) { foreach (var a in type.GetGenericArguments()) Visit(a, owner, parent); return; }
            if (type.Namespace?.StartsWith("Aid.", StringComparison.Ordinal) != true || type.IsEnum || !seen.Add(type)) return;
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                var e = t.IsArray ? t.GetElementType()! : t.IsGenericType ? t.GetGenericArguments()[0] : t;
                if (e.IsEnum)
                    foreach (var value in Enum.GetValues(e))
                    {
                        var (field, within) = (Camel(p.Name), parent == "-" ? null : Camel(parent));
                        var read = CodeLabels.Ordinal(owner, within, field, (int)value);
                        if (read is not { } code || code.Code != value.ToString() || CodeLabels.Find(code.Group, code.Code) is null)
                            lines.Add($"{owner}: {within}.{field} = {(int)value} reads as {read?.Code ?? "nothing"}, not {value}");
                    }
                Visit(p.PropertyType, owner, p.Name);
            }
        }
        foreach (var type in EventTypeList()) { seen.Clear(); Visit(type, type.Name, "-"); }
        Assert.True(lines.Count == 0, string.Join("\n", lines));
    }

    public static TheoryData<string, string> EnumValues()
    {
        (string Group, Type Enum)[] enums =
        [
            ("verdict", typeof(Aid.Contracts.Security.SecurityVerdict)),
            ("severity", typeof(Aid.Contracts.Security.FindingSeverity)),
            ("track", typeof(Aid.Contracts.Security.ReviewTrack)),
            ("reviewStatus", typeof(Aid.Contracts.Security.ReviewStatus)),
            ("sensitiveArea", typeof(Aid.Registration.Dossiers.SensitiveArea)),
            ("aidKind", typeof(Aid.Registration.Dossiers.AidKind)),
            ("stage", typeof(Aid.Registration.Dossiers.DossierStage)),
            ("stage", typeof(Aid.Domain.Calendar.Stage)),
            ("certificateKind", typeof(Aid.Registration.Ngos.CertificateKind)),
            ("standing", typeof(Aid.Registration.Ngos.NgoStanding)),
            ("donorKind", typeof(Aid.Registration.Donors.DonorKind)),
            ("entryStatus", typeof(Aid.Registration.Catalogue.EntryStatus)),
            ("funding", typeof(Aid.Registration.Catalogue.EntryFunding)),
            ("priority", typeof(Aid.Registration.Catalogue.EntryPriority)),
            ("appraisalStatus", typeof(Aid.Contracts.Appraisal.AppraisalStatus)),
            ("stance", typeof(Aid.Contracts.Appraisal.OpinionStance)),
            ("recommendation", typeof(Aid.Contracts.Appraisal.Recommendation)),
            ("outcome", typeof(Aid.Contracts.Appraisal.DecisionOutcome)),
            ("stage", typeof(Aid.Contracts.Appraisal.ApologisingStage)),
            ("projectStatus", typeof(Aid.Contracts.Monitoring.MonitoringStatus)),
            ("projectStatus", typeof(Aid.Contracts.Monitoring.ProjectStatus)),
            ("reportKind", typeof(Aid.Contracts.Monitoring.ReportKind)),
            ("compliance", typeof(Aid.Contracts.Monitoring.ComplianceVerdict)),
            ("commendation", typeof(Aid.Monitoring.Recognition.CommendationOutcome)),
            ("registryChange", typeof(Aid.Contracts.Registration.NgoRegistryChange)),
            ("deadline", typeof(Aid.Contracts.Desks.DeadlineFlag)),
            ("stage", typeof(Aid.Contracts.Desks.WorkStage)),
            ("service", typeof(Aid.Portal.Api.Service)),
            ("chainBreak", typeof(Aid.Audit.BreakKind)),
            ("extensionRequestStatus", typeof(Aid.Registration.Ngos.ExtensionRequestStatus)),
        ];
        var data = new TheoryData<string, string>();
        foreach (var (group, name) in enums.SelectMany(e => Enum.GetNames(e.Enum).Select(n => (e.Group, n))).Distinct())
            data.Add(group, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(EnumValues))]
    public void Every_code_the_services_send_has_a_label_in_both_languages(string group, string code) => AssertTranslated(group, code);

    [Fact]
    public void Every_DAC_sector_and_plan_sector_has_the_services_names()
    {
        foreach (var sector in Aid.Monitoring.Iati.DacSectors.All)
            Assert.Equal(new Aid.Contracts.Desks.Label(sector.NameVi, sector.NameEn), CodeLabels.Find("sector", sector.Code));
        foreach (var sector in Aid.Registration.Catalogue.Sectors.All)
            Assert.Equal(new Aid.Contracts.Desks.Label(sector.Vi, sector.En), CodeLabels.Find("sector", sector.Code));
    }

    [Fact]
    public void Every_ISO_country_has_a_Vietnamese_and_an_English_name()
    {
        Assert.Equal(249, CodeLabels.AllCountries.Count);
        Assert.All(CodeLabels.AllCountries, c =>
        {
            Assert.Matches("^[A-Z]{2}$", c.Key);
            Assert.False(string.IsNullOrWhiteSpace(c.Value.Vi), c.Key);
            Assert.False(string.IsNullOrWhiteSpace(c.Value.En), c.Key);
        });
        InCulture("vi", () =>
        {
            Assert.Equal("Đức", CodeLabels.Country("DE"));
            Assert.Equal("Đức", CodeLabels.Country("Germany"));
            Assert.Equal("Hàn Quốc", CodeLabels.Country("kr"));
            Assert.Equal("Việt Nam", CodeLabels.Country("VN"));
        });
        InCulture("en", () => Assert.Equal("United States", CodeLabels.Country("US")));
    }

    [Fact]
    public void A_value_reads_by_the_field_it_came_in()
    {
        InCulture("vi", () =>
        {
            Assert.Equal("Không phản đối, kèm điều kiện", CodeLabels.Value("verdict", "ClearedWithConditions"));
            Assert.Equal("Thẩm tra thông thường", CodeLabels.Value("track", "Standard"));
            Assert.Equal("Báo cáo kết thúc", CodeLabels.Value("reportKey", "final"));
            Assert.Equal("Báo cáo 6 tháng đầu năm 2026", CodeLabels.Value("reportKey", "2026-H1"));
            Assert.Equal("Lĩnh vực nhạy cảm: Quốc phòng, biên giới", CodeLabels.Value("reasons", "sensitive-area:DefenceBorder"));
            Assert.Equal("Đức", CodeLabels.Value("ngoCountry", "DE"));
            Assert.Equal("Cao", CodeLabels.Value("severity", "High"));
            Assert.Null(CodeLabels.Value("title", "Nước sạch cho trường học"));
        });
        InCulture("en", () => Assert.Equal("Human rights", CodeLabels.Value("sensitiveAreas", "HumanRights")));
    }

    [Theory]
    [InlineData("vi", "04/12/2026", "05/12/2026 00:05", "1.016.000.000", "40.000,5", "40.000 USD", "25.400,25 VND")]
    [InlineData("en", "4 Dec 2026", "5 Dec 2026 00:05", "1,016,000,000", "40,000.5", "40,000 USD", "25,400.25 VND")]
    public void Dates_times_numbers_and_money_read_as_each_language_writes_them(
        string language, string date, string time, string billion, string fraction, string dollars, string dong) => InCulture(language, () =>
    {
        Assert.Equal(date, Texts.Date(new DateOnly(2026, 12, 4)));
        Assert.Equal(time, Texts.Time(new DateTimeOffset(2026, 12, 4, 17, 5, 0, TimeSpan.Zero))); // 00:05 on 5 December in Vietnam
        Assert.Equal(billion, Texts.Number(1_016_000_000m));
        Assert.Equal(fraction, Texts.Number(40_000.50m));
        Assert.Equal(dollars, Texts.Money(40_000.00m, "usd"));
        Assert.Equal(dong, Texts.Money(25_400.25m, null));
        Assert.Equal($"{billion} VND", Texts.Vnd(1_016_000_000m));
        Assert.Equal("—", Texts.Money(null, "USD"));
    });

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void AssertTranslated(string group, string code)
    {
        var label = CodeLabels.Find(group, code);
        Assert.True(label is not null, $"{group}: no label for {code}");
        Assert.False(string.IsNullOrWhiteSpace(label.Vi), $"{group}.{code}: no Vietnamese");
        Assert.False(string.IsNullOrWhiteSpace(label.En), $"{group}.{code}: no English");
        Assert.NotEqual(code, label.Vi);
    }

    private static void InCulture(string language, Action act)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language == "vi" ? "vi-VN" : "en-GB");
        try { act(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture); }
    }
}
