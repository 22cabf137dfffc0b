using System.Globalization;
using Aid.Domain.Province;

namespace Aid.Notifications.Notices;

/// <summary>
/// Every notification's words, in Vietnamese and English, with the agencies' official names. Dates read dd/MM/yyyy in
/// Vietnamese and d MMM yyyy in English (Vietnam dates, as the contracts carry them).
/// </summary>
public static class NoticeTexts
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Vi(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string En(DateOnly date) => date.ToString("d MMM yyyy", English);

    public static string NgoPage(Guid dossierId) => $"/ngo/dossiers/{dossierId}";

    public static string WorkPage(Guid dossierId) => $"/work/{dossierId}";

    private static string List(IEnumerable<string> items) => string.Join("\n", items.Select(i => $"- {i}"));

    public static NoticeText Received(Guid dossierId, string code, DateOnly receiptDate, DateOnly? appointment) => new(
        $"Đã tiếp nhận hồ sơ {code}",
        $"Sở Ngoại vụ đã tiếp nhận hồ sơ ngày {Vi(receiptDate)}, mã hồ sơ {code}." +
            (appointment is { } a ? $" Ngày hẹn trả kết quả: {Vi(a)}." : ""),
        $"Dossier {code} received",
        $"The Department of Foreign Affairs (Sở Ngoại vụ) received the dossier on {En(receiptDate)}, receipt code {code}." +
            (appointment is { } b ? $" Appointment date for the result: {En(b)}." : ""),
        NgoPage(dossierId));

    public static NoticeText SupplementRequested(Guid dossierId, string code, IReadOnlyList<string> items, string? note, DateOnly requestedOn, DateOnly? answerBy) => new(
        $"Yêu cầu bổ sung hồ sơ {code}",
        $"Ngày {Vi(requestedOn)}, Sở Ngoại vụ yêu cầu bổ sung hồ sơ {code}. Thời hạn giải quyết tạm dừng cho đến khi nộp bổ sung.\n" +
            $"Các mục cần bổ sung:\n{List(items)}" + (note is { Length: > 0 } ? $"\nGhi chú: {note}" : "") +
            (answerBy is { } d ? $"\nHạn nộp bổ sung: {Vi(d)}." : ""),
        $"Supplement requested for dossier {code}",
        $"On {En(requestedOn)} the Department of Foreign Affairs (Sở Ngoại vụ) asked for a supplement to dossier {code}. The processing clock is stopped until you resubmit.\n" +
            $"Items to supply:\n{List(items)}" + (note is { Length: > 0 } ? $"\nNote: {note}" : "") +
            (answerBy is { } e ? $"\nPlease answer by {En(e)}." : ""),
        NgoPage(dossierId));

    public static NoticeText ReceiptRefused(Guid dossierId, string code, DateOnly refusedOn, string reason) => new(
        $"Từ chối tiếp nhận hồ sơ {code}",
        $"Ngày {Vi(refusedOn)}, Sở Ngoại vụ từ chối tiếp nhận hồ sơ {code}; hồ sơ không được giải quyết tiếp.\nLý do: {reason}",
        $"Dossier {code} refused at intake",
        $"On {En(refusedOn)} the Department of Foreign Affairs (Sở Ngoại vụ) refused to receive dossier {code}; it will not be processed further.\nReason: {reason}",
        NgoPage(dossierId));

    public static NoticeText ClockResumed(Guid dossierId, string code, DateOnly resubmittedOn, DateOnly appointment) => new(
        $"Hồ sơ {code} tiếp tục được giải quyết",
        $"Hồ sơ bổ sung đã được nộp ngày {Vi(resubmittedOn)}; thời hạn giải quyết tính tiếp. Ngày hẹn trả kết quả mới: {Vi(appointment)}.",
        $"Dossier {code} is being processed again",
        $"The supplement was submitted on {En(resubmittedOn)}; the processing clock runs again. New appointment date: {En(appointment)}.",
        NgoPage(dossierId));

    public static NoticeText StageConcluded(Guid dossierId, string code, Agency agency, string stageVi, string stageEn) => new(
        $"Hồ sơ {code}: {agency.NameVi} đã hoàn thành {stageVi}",
        $"{agency.NameVi} đã hoàn thành {stageVi} đối với hồ sơ {code}; hồ sơ chuyển sang bước tiếp theo.",
        $"Dossier {code}: {agency.NameEn} finished the {stageEn}",
        $"The {agency.NameEn} ({agency.NameVi}) finished the {stageEn} of dossier {code}; the dossier moves on to the next stage.",
        NgoPage(dossierId));

    public static NoticeText Approved(Guid dossierId, string code, string? number, DateOnly? date, IReadOnlyList<string> conditions, bool byPrimeMinister)
    {
        var whoVi = byPrimeMinister ? "Thủ tướng Chính phủ" : "Ủy ban nhân dân tỉnh";
        var whoEn = byPrimeMinister ? "The Prime Minister" : "The Provincial People's Committee (UBND tỉnh)";
        return new(
            $"Hồ sơ {code} đã được phê duyệt",
            $"{whoVi} đã phê duyệt khoản viện trợ, quyết định số {number}" + (date is { } d ? $" ngày {Vi(d)}" : "") + "." +
                (conditions.Count > 0 ? $"\nĐiều kiện:\n{List(conditions)}" : ""),
            $"Dossier {code} approved",
            $"{whoEn} approved the aid, decision No. {number}" + (date is { } e ? $" of {En(e)}" : "") + "." +
                (conditions.Count > 0 ? $"\nConditions:\n{List(conditions)}" : ""),
            NgoPage(dossierId));
    }

    public static NoticeText Refused(Guid dossierId, string code, string? reasons, bool byPrimeMinister) => new(
        $"Hồ sơ {code} không được phê duyệt",
        $"{(byPrimeMinister ? "Thủ tướng Chính phủ" : "Ủy ban nhân dân tỉnh")} không phê duyệt khoản viện trợ. Lý do: {reasons}",
        $"Dossier {code} refused",
        $"{(byPrimeMinister ? "The Prime Minister" : "The Provincial People's Committee (UBND tỉnh)")} did not approve the aid. Reason: {reasons}",
        NgoPage(dossierId));

    public static NoticeText Forwarded(Guid dossierId, string code) => new(
        $"Hồ sơ {code} đã được trình Thủ tướng Chính phủ",
        $"Ủy ban nhân dân tỉnh đã trình hồ sơ {code} lên Thủ tướng Chính phủ quyết định.",
        $"Dossier {code} forwarded to the Prime Minister",
        $"The Provincial People's Committee (UBND tỉnh) forwarded dossier {code} to the Prime Minister for decision.",
        NgoPage(dossierId));

    public static NoticeText Apology(Guid dossierId, string code, Agency agency, DateOnly formerDue, DateOnly newDue, string reason) => new(
        $"Phiếu xin lỗi và hẹn lại ngày trả kết quả: hồ sơ {code}",
        $"{agency.NameVi} xin lỗi vì chưa hoàn thành đúng hạn ({Vi(formerDue)}). Lý do: {reason}. Ngày hẹn mới: {Vi(newDue)}.",
        $"Apology and new date for dossier {code}",
        $"The {agency.NameEn} ({agency.NameVi}) apologises for missing its due date ({En(formerDue)}). Reason: {reason}. New date: {En(newDue)}.",
        NgoPage(dossierId));

    public static NoticeText NewInQueue(Guid dossierId, string code, Agency agency, string stageVi, string stageEn, DateOnly? due) => new(
        $"Hồ sơ mới chờ {stageVi}: {code}",
        $"Hồ sơ {code} đã vào hàng chờ {stageVi} của {agency.NameVi}." + (due is { } d ? $" Hạn xử lý: {Vi(d)}." : ""),
        $"New dossier awaiting {stageEn}: {code}",
        $"Dossier {code} is in the {agency.NameEn}'s queue for the {stageEn}." + (due is { } e ? $" Due by {En(e)}." : ""),
        WorkPage(dossierId));

    public static NoticeText NearlyDue(Guid dossierId, string code, string stageVi, string stageEn, DateOnly due, int workingDaysLeft) => new(
        $"Sắp đến hạn: hồ sơ {code}",
        $"Hạn {stageVi} hồ sơ {code} là {Vi(due)} (còn {workingDaysLeft} ngày làm việc).",
        $"Nearly due: dossier {code}",
        $"The {stageEn} of dossier {code} is due on {En(due)} ({workingDaysLeft} working days left).",
        WorkPage(dossierId));

    public static NoticeText Overdue(Guid dossierId, string code, string stageVi, string stageEn, DateOnly due) => new(
        $"Trễ hạn: hồ sơ {code}",
        $"{char.ToUpper(stageVi[0])}{stageVi[1..]} hồ sơ {code} đã quá hạn {Vi(due)}.",
        $"Overdue: dossier {code}",
        $"The {stageEn} of dossier {code} passed its due date, {En(due)}.",
        WorkPage(dossierId));

    public static NoticeText ReportDue(Guid dossierId, string code, string reportKey, DateOnly due) => new(
        $"Sắp đến hạn báo cáo dự án {code}",
        $"Báo cáo {reportKey} của dự án {code} phải nộp trước ngày {Vi(due)}.",
        $"Report due for project {code}",
        $"Report {reportKey} of project {code} is due on {En(due)}.",
        NgoPage(dossierId));

    public static NoticeText ReportOverdue(Guid dossierId, string code, string reportKey, DateOnly due) => new(
        $"Quá hạn báo cáo dự án {code}",
        $"Báo cáo {reportKey} của dự án {code} đã quá hạn nộp ({Vi(due)}).",
        $"Report overdue for project {code}",
        $"Report {reportKey} of project {code} was due on {En(due)} and has not been received.",
        NgoPage(dossierId));

    public static NoticeText CertificateExpiring(string number, DateOnly expiry, int days) => new(
        $"Giấy đăng ký {number} sắp hết hạn",
        $"Giấy đăng ký số {number} của tổ chức hết hạn ngày {Vi(expiry)} (còn {days} ngày). Đề nghị làm thủ tục gia hạn.",
        $"Registration certificate {number} expiring",
        $"Your registration certificate No. {number} expires on {En(expiry)} ({days} days from now). Please apply for its extension.",
        "/ngo");
}

/// <summary>The stages as the texts name them.</summary>
public sealed record StageName(string Key, Agency Agency, string Vi, string En)
{
    public static readonly StageName Intake = new("intake", Agencies.ForeignAffairs, "kiểm tra hồ sơ", "intake check");
    public static readonly StageName Security = new("security", Agencies.Police, "kiểm tra an ninh", "security check");
    public static readonly StageName Appraisal = new("appraisal", Agencies.Finance, "thẩm định", "appraisal");
    public static readonly StageName Decision = new("decision", Agencies.PeoplesCommittee, "quyết định phê duyệt", "decision");

    public static readonly IReadOnlyList<StageName> All = [Intake, Security, Appraisal, Decision];

    public static StageName Of(string key) => All.First(s => s.Key == key);
}
