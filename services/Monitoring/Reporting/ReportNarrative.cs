namespace Aid.Monitoring.Reporting;

/// <summary>The narrative of the report in Vietnamese: each paragraph states figures of the report.</summary>
public static class ReportNarrative
{
    public static IReadOnlyList<string> Paragraphs(ProvinceReport r)
    {
        string N(object v) => DocxExport.Format(v);
        string D(DateOnly d) => DocxExport.Format(d);
        string Rate(decimal? rate) => rate is { } x ? $"{N(Math.Round(x * 100m, 1))}%" : "chưa có số liệu";
        var previous = r.Comparison.Previous;
        var lines = new List<string>
        {
            $"Kỳ báo cáo: từ ngày {D(r.PeriodStart)} đến ngày {D(r.PeriodEnd)}; số liệu chốt đến {r.CutOff.ToOffset(ReportPeriod.VietnamOffset):HH:mm 'ngày' dd/MM/yyyy} (giờ Việt Nam); hạn gửi Sở Ngoại vụ trước ngày {D(r.DueDate)}.",
            $"1. Tình hình hoạt động: trong kỳ có {N(r.Ngos.Active)} tổ chức phi chính phủ nước ngoài hoạt động trên địa bàn tỉnh"
                + (r.Ngos.ByCountry.Count > 0 ? $", đến từ {N(r.Ngos.ByCountry.Count)} quốc gia ({string.Join(", ", r.Ngos.ByCountry.Select(c => $"{c.Key}: {N(c.Count)}"))})." : "."),
            $"2. Tiếp nhận và phê duyệt: Sở Ngoại vụ tiếp nhận {N(r.Dossiers.Received)} hồ sơ; UBND tỉnh phê duyệt {N(r.Dossiers.Approved)} hồ sơ, không phê duyệt {N(r.Dossiers.Refused)} hồ sơ, chuyển Thủ tướng Chính phủ {N(r.Dossiers.Forwarded)} hồ sơ; {N(r.Dossiers.Withdrawn)} hồ sơ được tổ chức rút lại.",
            $"3. Giá trị viện trợ: tổng giá trị cam kết {N(r.Committed.TotalVnd)} VND ({ReportTables.Original(r.Committed.Original)}); đã tiếp nhận {N(r.Received.TotalVnd)} VND ({ReportTables.Original(r.Received.Original)}).",
            "4. Thời gian xử lý: " + string.Join("; ", r.Stages.Select(s =>
                $"{s.AgencyVi} xử lý {N(s.Count)} hồ sơ, trung bình {(s.AverageWorkingDays is { } a ? N(a) : "—")} ngày làm việc, đúng hạn {Rate(s.OnTimeRate)}")) + ".",
            $"5. Kiểm tra, giám sát: đã tiến hành {N(r.Inspections.Total)} đợt kiểm tra"
                + (r.Inspections.ByVerdict.Count > 0 ? $" ({string.Join(", ", r.Inspections.ByVerdict.Select(v => $"{Verdict(v.Key)}: {N(v.Count)}"))})." : "."),
            $"6. Tồn tại: {N(r.OverdueReports.Count)} báo cáo của tổ chức phi chính phủ nước ngoài quá hạn chưa nộp; {N(r.ApprovalsNotStarted.Count)} dự án đã phê duyệt chưa triển khai sau 6 tháng.",
            r.Mobilisation.PlanAdopted
                ? $"7. Vận động viện trợ: kế hoạch năm {r.Year} đặt mục tiêu {N(r.Mobilisation.TargetVnd)} VND; đã cam kết {N(r.Mobilisation.CommittedVnd)} VND, đạt {Rate(r.Mobilisation.Progress)}. Danh mục kêu gọi viện trợ: {N(r.Mobilisation.CatalogueEntriesPublished)} dự án công bố, {N(r.Mobilisation.CatalogueEntriesFundedFully)} được tài trợ toàn bộ, {N(r.Mobilisation.CatalogueEntriesFundedPartly)} được tài trợ một phần."
                : $"7. Vận động viện trợ: chưa có kế hoạch vận động viện trợ năm {r.Year} được ban hành.",
            $"8. So với năm {r.Comparison.PreviousYear}: hồ sơ tiếp nhận {N(r.Comparison.Current.DossiersReceived)} (năm trước {N(previous.DossiersReceived)}); phê duyệt {N(r.Comparison.Current.Approved)} (năm trước {N(previous.Approved)}); giá trị cam kết {N(r.Comparison.Current.CommittedVnd)} VND (năm trước {N(previous.CommittedVnd)} VND).",
        };
        if (r.Quality is { } q)
            lines.Add($"Chỉ số chất lượng phục vụ (Quyết định 766/QĐ-TTg): toàn tỉnh đạt {N(q.Province.Score)}/100 điểm ("
                + string.Join("; ", q.Agencies.Select(a => $"{a.NameVi} {N(a.Score)}")) + $"); {N(q.Province.Early)} bước xử lý sớm hạn, "
                + $"{N(q.Province.OnTime)} đúng hạn, {N(q.Province.Late)} trễ hạn; {N(q.Province.SupplementRequests)} hồ sơ phải bổ sung; "
                + $"{N(q.Province.Apologies)} phiếu xin lỗi; mức hài lòng trung bình "
                + (q.Province.AverageRating is { } m ? $"{N(m)}/5 trên {N(q.Province.Ratings)} đánh giá." : "chưa có đánh giá."));
        if (r.PlanTasks.Count > 0)
        {
            var late = r.PlanTasks.SelectMany(t => t.LateAgencies).Distinct().Order(StringComparer.Ordinal).Select(ReportFold.AgencyVi).ToList();
            lines.Add($"9. Thực hiện kế hoạch: {N(r.PlanTasks.Count)} nhiệm vụ, đã hoàn thành {N(r.PlanTasks.Count(t => t.Done))}"
                + (late.Count > 0 ? $"; cơ quan chậm tiến độ: {string.Join(", ", late)}." : "."));
            foreach (var task in r.PlanTasks)
                foreach (var contribution in task.Contributions)
                    lines.Add($"{ReportFold.AgencyVi(contribution.Agency)} ({task.Title}): {contribution.Text}");
        }
        return lines;
    }

    private static string Verdict(string verdict) => verdict switch
    {
        "Compliant" => "đạt yêu cầu",
        "MinorIssues" => "có tồn tại nhỏ",
        "NonCompliant" => "không đạt",
        _ => verdict,
    };
}
