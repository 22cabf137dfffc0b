namespace Aid.Portal.Api;

/// <summary>What the Notifications service answers (its /inbox and /notifications/preferences).</summary>
public sealed record InboxItem(
    string Id, string Kind, Guid? DossierId, string SubjectVi, string BodyVi, string SubjectEn, string BodyEn, string Link,
    DateTimeOffset CreatedAt, bool Read)
{
    public string Subject => Texts.L(SubjectVi, SubjectEn);

    public string Body => Texts.L(BodyVi, BodyEn);
}

public sealed record InboxPage(int Unread, IReadOnlyList<InboxItem> Items);

public sealed record UnreadCount(int Unread);

public sealed record KindPreference(string Kind, bool Email);

public sealed record PreferencesView(IReadOnlyList<KindPreference> Kinds);

/// <summary>The kinds of notification, as a person reads them.</summary>
public static class NoticeKinds
{
    private static readonly Dictionary<string, (string Vi, string En)> Names = new()
    {
        ["DossierReceived"] = ("Hồ sơ đã được tiếp nhận", "Dossier received"),
        ["SupplementRequested"] = ("Yêu cầu bổ sung hồ sơ", "Supplement requested"),
        ["ClockResumed"] = ("Hồ sơ tiếp tục được giải quyết", "Processing resumed"),
        ["StageConcluded"] = ("Một bước xử lý đã hoàn thành", "A stage was finished"),
        ["Decision"] = ("Quyết định về khoản viện trợ", "Decision on the aid"),
        ["Apology"] = ("Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Apology with a new date"),
        ["NewInQueue"] = ("Hồ sơ mới chờ xử lý", "New dossier in the queue"),
        ["StageNearlyDue"] = ("Hồ sơ sắp đến hạn", "Dossier nearly due"),
        ["StageOverdue"] = ("Hồ sơ trễ hạn", "Dossier overdue"),
        ["ReportDue"] = ("Sắp đến hạn báo cáo", "Report due soon"),
        ["ReportOverdue"] = ("Quá hạn báo cáo", "Report overdue"),
        ["CertificateExpiring"] = ("Giấy đăng ký sắp hết hạn", "Certificate expiring"),
    };

    public static string Name(string kind) => Names.TryGetValue(kind, out var name) ? Texts.L(name.Vi, name.En) : Texts.L("Thông báo", "Notification");
}
