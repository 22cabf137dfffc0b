using System.Globalization;
using Aid.Portal.Forms;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using Aid.Contracts.Security;
using Aid.Portal.Labels;

namespace Aid.Portal.Api;

public enum FieldKind { Text, Multiline, Lines, Date, Number, Choice }

/// <summary>One input of an officer's action; its name is the JSON property the service expects.</summary>
public sealed record FieldSpec(string Name, string Vi, string En, FieldKind Kind = FieldKind.Text, bool Required = false,
    IReadOnlyList<string>? Choices = null)
{
    public string Label => Texts.L(Vi, En) + (Required ? " *" : "");

    /// <summary>What goes into the request body for what the officer typed.</summary>
    public object? ValueOf(string? typed)
    {
        var text = typed?.Trim() ?? "";
        return Kind switch
        {
            FieldKind.Lines => DossierForm.Lines(text.Replace(',', '\n')).ToArray(),
            _ when text.Length == 0 => null,
            FieldKind.Number => NumberEntry.Read(text, CultureInfo.CurrentUICulture).Value,
            _ => text,
        };
    }

    /// <summary>What is wrong with what the officer typed, checked before anything is sent (the service checks again).</summary>
    public string? ErrorOf(string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0) return Required ? Texts.L("Bắt buộc.", "Required.") : null;
        return Kind == FieldKind.Number ? NumberEntry.Read(text, CultureInfo.CurrentUICulture).Error : null;
    }

    /// <summary>What the officer typed as it will be recorded, in the reader's words (the check step before confirming).</summary>
    public IReadOnlyList<string> Understood(string? typed) => ValueOf(typed) switch
    {
        null => [],
        string[] lines => lines,
        decimal number => [Texts.Number(number)],
        string date when Kind == FieldKind.Date && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var day) => [Texts.Date(day)],
        string choice when Kind == FieldKind.Choice => [CodeLabels.Value(Name, choice) ?? choice],
        var other => [other.ToString() ?? ""],
    };

    /// <summary>Dates start at today (Vietnam time), choices at their first value.</summary>
    public string Initial => Kind switch
    {
        FieldKind.Date when Required => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FieldKind.Choice => Choices?.FirstOrDefault() ?? "",
        _ => "",
    };
}

/// <summary>An action an officer may take on a dossier at its current stage: a POST to the desk's service.</summary>
public sealed record ActionSpec(string Key, string Vi, string En, string Path, IReadOnlyList<FieldSpec> Fields, bool Danger = false)
{
    public string Title => Texts.L(Vi, En);

    public string PathFor(Guid id) => string.Format(CultureInfo.InvariantCulture, Path, id);

    public Dictionary<string, object?> Body(IReadOnlyDictionary<string, string> typed) =>
        Fields.ToDictionary(f => f.Name, f => f.ValueOf(typed.GetValueOrDefault(f.Name)));
}

/// <summary>Which actions each desk offers, given the state its service reports (the service still decides).</summary>
public static class DeskActions
{
    private static FieldSpec Date(string name, string vi, string en) => new(name, vi, en, FieldKind.Date, true);
    private static FieldSpec Lines(string name, string vi, string en, bool required = false) => new(name, vi, en, FieldKind.Lines, required);
    private static FieldSpec Long(string name, string vi, string en, bool required = false) => new(name, vi, en, FieldKind.Multiline, required);
    private static FieldSpec Choice(string name, string vi, string en, params string[] choices) => new(name, vi, en, FieldKind.Choice, true, choices);

    /// <summary>The intake check's actions while the dossier is at it, the apology slip first once it is past its due date.</summary>
    public static IReadOnlyList<ActionSpec> For(IntakeDossierView view) => view.Stage != "IntakeCheck" ? []
        : WithApology(Desk.Intake, view.StageDueDate is { } due && due < DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)),
        [
            new("accept", "Chấp nhận hồ sơ hợp lệ", "Accept the dossier", "/dossiers/{0}/accept",
                [Choice("decidedBy", "Thẩm quyền quyết định", "Who decides",
                    view.ProposedDecidedBy == "PrimeMinister" ? ["PrimeMinister", "Province"] : ["Province", "PrimeMinister"]),
                 Long("classificationReason", "Lý do (khi thay đổi thẩm quyền so với lĩnh vực nhạy cảm đã đánh dấu)",
                    "Reason (when changing who decides from the ticked sensitive areas)")]),
            new("supplement", "Yêu cầu bổ sung", "Ask for a supplement", "/dossiers/{0}/supplement-request",
                [Lines("missingItems", "Những gì còn thiếu (mỗi dòng một mục)", "What is missing (one a line)", true), Long("note", "Ghi chú", "Note"),
                 new("answerBy", "Hạn nộp bổ sung (không bắt buộc)", "Answer by (optional)", FieldKind.Date)]),
            new("refuse-receipt", "Từ chối tiếp nhận hồ sơ", "Refuse to receive the dossier", "/dossiers/{0}/refuse-receipt",
                [Long("reason", "Lý do từ chối tiếp nhận", "Reason for refusing", true)], Danger: true),
        ]);

    /// <summary>The security review's actions while it is open, the apology slip first once it is overdue.</summary>
    public static IReadOnlyList<ActionSpec> For(SecurityReviewView view) => view.Status != ReviewStatus.Open ? []
        : WithApology(Desk.Security, view.Stage.Deadline == DeadlineFlag.Overdue,
        [
            new("assign", "Phân công cán bộ", "Assign officers", "/security-reviews/{0}/assignments",
                [Lines("officers", "Cán bộ (tên đăng nhập, mỗi dòng một người)", "Officers (user names, one a line)", true)]),
            new("finding", "Ghi nhận kết quả xác minh (nội bộ)", "Record a finding (internal)", "/security-reviews/{0}/findings",
                [Long("text", "Nội dung", "Text", true), Choice("severity", "Mức độ", "Severity", Enum.GetNames<FindingSeverity>())]),
            new("conclude", "Kết luận thẩm tra", "Conclude the review", "/security-reviews/{0}/conclusion",
                [Choice("verdict", "Kết luận", "Verdict", Enum.GetNames<SecurityVerdict>()),
                 Lines("publicConditions", "Điều kiện công khai (mỗi dòng một điều kiện)", "Public conditions (one a line)"),
                 Long("reasons", "Lý do (bắt buộc khi phản đối)", "Reasons (required for an objection)")]),
        ]);

    /// <summary>
    /// Sở Tài chính's appraisal actions while it appraises; UBND tỉnh's decision actions while the report awaits its
    /// decision, or the Prime Minister's decision once forwarded. The apology slip first once the desk's stage is overdue.
    /// </summary>
    public static IReadOnlyList<ActionSpec> For(AppraisalDeskView view, Desk desk) => desk.Key switch
    {
        "appraisal" when view.Status == AppraisalStatus.Appraising =>
            WithApology(Desk.Appraisal, view.AppraisalStage?.Flag == DeadlineFlag.Overdue,
            [
                new("opinions-request", "Lấy ý kiến các cơ quan", "Ask departments for opinions", "/appraisals/{0}/opinion-requests",
                    [Lines("departments", "Cơ quan (mỗi dòng một cơ quan)", "Departments (one a line)", true)]),
                new("opinion", "Ghi nhận ý kiến", "Record an opinion", "/appraisals/{0}/opinions",
                    [new("department", "Cơ quan", "Department", Required: true), Date("opinionDate", "Ngày ý kiến", "Opinion date"),
                     Long("text", "Nội dung", "Text", true), Choice("stance", "Quan điểm", "Stance", Enum.GetNames<OpinionStance>())]),
                new("report", "Ban hành báo cáo thẩm định", "Issue the appraisal report", "/appraisals/{0}/report",
                    [Choice("recommendation", "Đề nghị", "Recommendation", Enum.GetNames<Recommendation>()),
                     Lines("conditions", "Điều kiện", "Conditions"), Long("reasons", "Lý do", "Reasons")]),
            ]),
        "decision" when view.Status == AppraisalStatus.AwaitingDecision =>
            WithApology(Desk.Decision, view.DecisionStage?.Flag == DeadlineFlag.Overdue,
            [
                new("approve", "Phê duyệt", "Approve", "/decisions/{0}/approve",
                    [new("decisionNumber", "Số quyết định", "Decision number", Required: true), Date("decisionDate", "Ngày quyết định", "Decision date"),
                     new("signer", "Người ký", "Signer", Required: true), Lines("conditions", "Điều kiện", "Conditions"),
                     Long("securityOverrideReason", "Lý do vượt ý kiến an ninh (nếu có)", "Security override reason (if any)")]),
                new("refuse", "Không phê duyệt", "Refuse", "/decisions/{0}/refuse", [Long("reasons", "Lý do", "Reasons", true)], Danger: true),
                new("forward", "Trình Thủ tướng Chính phủ", "Forward to the Prime Minister", "/decisions/{0}/forward", [Long("note", "Ghi chú", "Note")]),
            ]),
        "decision" when view.Decision?.Outcome == DecisionOutcome.ForwardedToPrimeMinister =>
        [
            new("prime-minister", "Ghi nhận quyết định của Thủ tướng Chính phủ", "Record the Prime Minister's decision",
                "/decisions/{0}/prime-minister-decision",
                [Choice("outcome", "Quyết định", "Decision", nameof(DecisionOutcome.Approved), nameof(DecisionOutcome.Refused)),
                 new("documentNumber", "Số văn bản", "Document number", Required: true), Date("documentDate", "Ngày văn bản", "Document date"),
                 Lines("conditions", "Điều kiện (khi phê duyệt)", "Conditions (when approved)"),
                 Long("reasons", "Lý do (bắt buộc khi không phê duyệt)", "Reasons (required for a refusal)")]),
        ],
        _ => [],
    };

    /// <summary>The stage's actions, after the apology slip when the stage is past its due date (the overdue scan's prompt).</summary>
    private static IReadOnlyList<ActionSpec> WithApology(Desk desk, bool overdue, IReadOnlyList<ActionSpec> actions) =>
        overdue ? [Apology(desk), .. actions] : actions;

    /// <summary>
    /// The Phiếu xin lỗi và hẹn lại ngày trả kết quả: the reason and the extra working days from today; the service
    /// refuses it before the due date and moves the due date (and the NGO's appointment date) when it is issued.
    /// </summary>
    public static ActionSpec Apology(Desk desk) => new("apology", "Lập phiếu xin lỗi và hẹn lại ngày trả kết quả", "Issue an apology slip with a new date",
        desk.Key switch
        {
            "intake" => "/dossiers/{0}/apology",
            "security" => "/security-reviews/{0}/apology",
            "decision" => "/decisions/{0}/apology",
            _ => "/appraisals/{0}/apology",
        },
        [Long("reason", "Lý do chậm trễ", "Reason for the delay", true),
         new("extraWorkingDays", "Số ngày làm việc hẹn thêm (tính từ hôm nay, 1 đến 30)", "Extra working days (from today, 1 to 30)", FieldKind.Number, true)]);

    /// <summary>The monitoring officer's actions the project's status allows.</summary>
    public static IReadOnlyList<ActionSpec> For(ProjectDeskView view)
    {
        var status = view.Status;
        var actions = new List<ActionSpec>();
        if (status == MonitoringStatus.AwaitingImplementation)
            actions.Add(new("started", "Ghi nhận bắt đầu thực hiện", "Record implementation started", "/projects/{0}/implementation-started",
                [Date("startedOn", "Ngày bắt đầu", "Started on")]));
        if (status is MonitoringStatus.AwaitingImplementation or MonitoringStatus.Implementing)
        {
            actions.Add(new("tranche", "Ghi nhận đợt tiếp nhận viện trợ", "Record an aid tranche", "/projects/{0}/tranches",
                [new("amount", "Số tiền", "Amount", FieldKind.Number, true), new("currency", "Tiền tệ", "Currency", Required: true),
                 Date("receivedOn", "Ngày nhận", "Received on"), new("note", "Ghi chú", "Note")]));
            actions.Add(new("inspection", "Ghi nhận kiểm tra", "Record an inspection", "/projects/{0}/inspections",
                [Date("inspectedOn", "Ngày kiểm tra", "Inspected on"), Lines("team", "Đoàn kiểm tra (mỗi dòng một người)", "Team (one a line)", true),
                 Long("findings", "Kết quả", "Findings", true), Choice("verdict", "Đánh giá", "Verdict", Enum.GetNames<ComplianceVerdict>())]));
            actions.Add(new("suspend", "Đình chỉ dự án", "Suspend the project", "/projects/{0}/suspend", [Long("reason", "Lý do", "Reason", true)], Danger: true));
        }
        if (status == MonitoringStatus.Implementing)
            actions.Add(new("complete", "Ghi nhận hoàn thành", "Record completion", "/projects/{0}/complete", [Date("completedOn", "Ngày hoàn thành", "Completed on")]));
        if (status == MonitoringStatus.Suspended)
            actions.Add(new("resume", "Cho tiếp tục", "Resume", "/projects/{0}/resume", [Long("note", "Ghi chú", "Note")]));
        if (status is MonitoringStatus.Implementing or MonitoringStatus.Completed or MonitoringStatus.Suspended)
            actions.Add(new("report", "Ghi nhận báo cáo", "Record a report", "/projects/{0}/reports",
                [new("reportKey", "Mã kỳ báo cáo", "Report key", Required: true), Date("receivedOn", "Ngày nhận", "Received on"),
                 Long("summary", "Tóm tắt", "Summary", true)]));
        if (status == MonitoringStatus.Completed)
            actions.Add(new("close", "Kết thúc khoản viện trợ", "Close the aid", "/projects/{0}/close",
                [Date("closedOn", "Ngày kết thúc", "Closed on"), Long("settlementNote", "Ghi chú quyết toán", "Settlement note", true)]));
        return actions;
    }
}
