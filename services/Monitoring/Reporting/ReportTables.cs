using Aid.Monitoring.Quality;

namespace Aid.Monitoring.Reporting;

/// <summary>One table of the report, with bilingual headings; cells are strings, numbers or dates.</summary>
public sealed record ReportTable(string Sheet, string TitleVi, string TitleEn, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Every table of the report, the same for the XLSX (one sheet each) and the DOCX.</summary>
public static class ReportTables
{
    public static IReadOnlyList<ReportTable> Of(ProvinceReport r) =>
    [
        new("Tong hop", "Tổng hợp so với năm trước", "Summary against the previous year",
            ["Chỉ tiêu / Figure", $"Năm {r.Year} / {r.Year}", $"Năm {r.Comparison.PreviousYear} / {r.Comparison.PreviousYear}"],
            Headline(r.Comparison.Current).Zip(Headline(r.Comparison.Previous), (c, p) => (IReadOnlyList<object?>)[c.Label, c.Value, p.Value]).ToList()),
        Counts("NGO quoc gia", "Tổ chức PCPNN hoạt động theo quốc gia", "Active NGOs by country", "Quốc gia / Country", r.Ngos.ByCountry),
        Counts("NGO giay phep", "Tổ chức PCPNN hoạt động theo loại giấy đăng ký", "Active NGOs by certificate kind", "Loại giấy / Certificate kind", r.Ngos.ByCertificateKind),
        new("Ho so", "Hồ sơ", "Dossiers", ["Tiếp nhận / Received", "Phê duyệt / Approved", "Không phê duyệt / Refused", "Rút / Withdrawn", "Chuyển Thủ tướng / Forwarded"],
            [[r.Dossiers.Received, r.Dossiers.Approved, r.Dossiers.Refused, r.Dossiers.Withdrawn, r.Dossiers.Forwarded]]),
        .. Aid("Cam ket", "Viện trợ cam kết", "Aid committed", r.Committed),
        .. Aid("Tiep nhan", "Viện trợ đã tiếp nhận", "Aid received", r.Received),
        new("Xu ly", "Thời gian xử lý và tỷ lệ đúng hạn theo cơ quan", "Processing time and on-time rate per agency",
            ["Bước / Stage", "Cơ quan / Agency", "Số hồ sơ / Dossiers", "Ngày làm việc TB / Mean working days", "Đúng hạn / On time", "Trễ hạn / Late", "Không rõ / Unknown", "Tỷ lệ đúng hạn / On-time rate"],
            r.Stages.Select(s => (IReadOnlyList<object?>)[s.Stage, s.AgencyVi, s.Count, s.AverageWorkingDays, s.OnTime, s.Late, s.Unknown, s.OnTimeRate]).ToList()),
        new("Kiem tra", "Kiểm tra và kết luận", "Inspections and verdicts", ["Mã hồ sơ / Receipt", "Ngày / Date", "Kết luận / Verdict"],
            r.Inspections.Items.Select(i => (IReadOnlyList<object?>)[i.ReceiptCode, i.InspectedOn, i.Verdict]).ToList()),
        new("Bao cao tre", "Báo cáo của tổ chức PCPNN quá hạn", "NGO reports overdue", ["Mã hồ sơ / Receipt", "Tổ chức / NGO", "Báo cáo / Report", "Hạn / Due"],
            r.OverdueReports.Select(o => (IReadOnlyList<object?>)[o.ReceiptCode, o.NgoName, o.ReportKey, o.DueDate]).ToList()),
        new("Chua trien khai", "Dự án được phê duyệt chưa triển khai sau 6 tháng", "Approvals not started within 6 months",
            ["Mã hồ sơ / Receipt", "Tổ chức / NGO", "Ngày phê duyệt / Decided", "Hạn triển khai / Due by", "Ngày triển khai / Started"],
            r.ApprovalsNotStarted.Select(n => (IReadOnlyList<object?>)[n.ReceiptCode, n.NgoName, n.DecisionDate, n.DueBy, n.StartedOn]).ToList()),
        new("Van dong", "Tiến độ vận động viện trợ so với kế hoạch", "Mobilisation progress against the plan",
            ["Lĩnh vực / Sector", "Mục tiêu (VND) / Target", "Cam kết (VND) / Committed", "Tỷ lệ / Progress"],
            r.Mobilisation.Sectors.Select(s => (IReadOnlyList<object?>)[s.Sector, s.TargetVnd, s.CommittedVnd, s.Progress]).ToList()),
        new("Nhiem vu", "Nhiệm vụ của kế hoạch", "Plan tasks",
            ["Nhiệm vụ / Task", "Chủ trì / Lead", "Phối hợp / Partners", "Sản phẩm / Product", "Hạn / Due", "Tiến độ / Progress", "Hoàn thành / Done", "Chậm / Late"],
            r.PlanTasks.Select(t => (IReadOnlyList<object?>)[t.Title, t.LeadAgency, string.Join(", ", t.PartnerAgencies), t.Product, t.DueOn,
                string.Join("; ", t.Progress.Select(p => $"{p.Agency} {p.Percent}%")), t.Done ? "x" : "", string.Join(", ", t.LateAgencies)]).ToList()),
        .. Quality(r.Quality),
    ];

    /// <summary>The service-quality index: its figures per agency, procedure and province, then every lost point.</summary>
    private static IEnumerable<ReportTable> Quality(QualityIndex? q)
    {
        if (q is null)
            yield break;
        yield return new("Chat luong", "Chỉ số chất lượng phục vụ (Quyết định 766/QĐ-TTg)", "Service-quality index (Decision 766/QĐ-TTg)",
            ["Cơ quan, thủ tục / Agency, procedure", "Điểm / Score", "Sớm hạn / Early", "Đúng hạn / On time", "Trễ hạn / Late",
             "Ngày làm việc TB / Mean working days", "Tỷ lệ bổ sung / Supplement rate", "Xin lỗi / Apologies",
             "Tiếp nhận trực tuyến / Received online", "Trả kết quả trực tuyến / Returned online", "Hài lòng TB (1–5) / Mean rating", "Số đánh giá / Ratings"],
            q.Agencies.Concat(q.Procedures).Append(q.Province).Select(row => (IReadOnlyList<object?>)[row.NameVi, row.Score, row.Early, row.OnTime, row.Late,
                string.Join("; ", row.StageDays.Select(d => $"{QualityFold.StageVi[d.Stage]} {DocxExport.Format(d.AverageWorkingDays)}")),
                row.SupplementRate, row.Apologies, row.ReceivedOnlineShare, row.ReturnedOnlineShare, row.AverageRating, row.Ratings]).ToList());
        yield return new("Diem bi tru", "Điểm bị trừ và hồ sơ, sự kiện gây ra", "Points lost and the dossiers and events that caused them",
            ["Mã hồ sơ / Receipt", "Cơ quan / Agency", "Lý do / Reason", "Bước / Stage", "Điểm / Points", "Sự kiện / Events"],
            q.Province.LostPoints.Select(l => (IReadOnlyList<object?>)[l.ReceiptCode, global::Aid.Domain.Province.Agencies.Find(l.Agency) is null ? "Cả quy trình" : ReportFold.AgencyVi(l.Agency), QualityFold.ComponentVi[l.Component],
                l.Stage is null ? null : QualityFold.StageVi[l.Stage], l.Points,
                string.Join(", ", l.EventIds)]).ToList());
    }

    public static IReadOnlyList<(string Label, object Value)> Headline(Headline h) =>
    [
        ("Tổ chức PCPNN hoạt động / Active NGOs", h.NgosActive),
        ("Hồ sơ tiếp nhận / Dossiers received", h.DossiersReceived),
        ("Phê duyệt / Approved", h.Approved),
        ("Không phê duyệt / Refused", h.Refused),
        ("Rút / Withdrawn", h.Withdrawn),
        ("Chuyển Thủ tướng / Forwarded", h.Forwarded),
        ("Cam kết (VND) / Committed (VND)", h.CommittedVnd),
        ("Tiếp nhận (VND) / Received (VND)", h.ReceivedVnd),
        ("Đợt kiểm tra / Inspections", h.Inspections),
    ];

    private static ReportTable Counts(string sheet, string vi, string en, string keyHeader, IReadOnlyList<CountBy> counts) =>
        new(sheet, vi, en, [keyHeader, "Số lượng / Count"], counts.Select(c => (IReadOnlyList<object?>)[c.Key, c.Count]).ToList());

    private static IEnumerable<ReportTable> Aid(string sheet, string vi, string en, AidBreakdown aid)
    {
        IReadOnlyList<string> headers = ["Nhóm / Group", "Số dự án / Projects", "Nguyên tệ / Original currency", "VND", "Chưa quy đổi / Unconverted"];
        ReportTable Table(string suffix, string byVi, string byEn, IReadOnlyList<AidGroup> groups) =>
            new($"{sheet} {suffix}", $"{vi} theo {byVi}", $"{en} by {byEn}", headers,
                groups.Select(g => (IReadOnlyList<object?>)[g.Key, g.Projects, Original(g.Original), g.Vnd, g.Unconverted]).ToList());
        yield return Table("linh vuc", "lĩnh vực", "sector", aid.BySector);
        yield return Table("dia ban", "địa bàn", "commune", aid.ByCommune);
        yield return Table("quoc gia", "quốc gia nhà tài trợ", "donor country", aid.ByDonorCountry);
        yield return Table("loai", "loại viện trợ", "aid kind", aid.ByAidKind);
        yield return Table("nam", "năm", "year", aid.ByYear);
    }

    public static string Original(IReadOnlyList<CurrencyAmount> amounts) =>
        string.Join("; ", amounts.Select(a => $"{a.Amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} {a.Currency}"));
}
