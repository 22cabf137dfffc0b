using Aid.Domain.Province;
using Aid.Domain.Rules;

namespace Aid.Registration.Dossiers;

/// <summary>What the NGO reads about its dossier, in Vietnamese and English.</summary>
public static class StageLabels
{
    public static Bilingual Of(DossierStage stage) => stage switch
    {
        DossierStage.IntakeCheck => new("Kiểm tra hồ sơ tiếp nhận", "Intake check"),
        DossierStage.SupplementRequested => new("Chờ tổ chức bổ sung hồ sơ", "Waiting for the NGO's supplement"),
        DossierStage.SecurityCheck => new("Thẩm tra an ninh", "Security check"),
        DossierStage.Appraisal => new("Thẩm định", "Appraisal"),
        DossierStage.Decision => new("Chờ quyết định của UBND tỉnh", "Awaiting the decision of the Provincial People's Committee"),
        DossierStage.Approved => new("Đã phê duyệt, chờ triển khai thực hiện", "Approved, awaiting implementation"),
        DossierStage.Refused => new("Không phê duyệt", "Not approved"),
        DossierStage.ForwardedToPrimeMinister => new("Trình Thủ tướng Chính phủ quyết định", "Forwarded to the Prime Minister"),
        DossierStage.Implementing => new("Đang thực hiện", "Being implemented"),
        DossierStage.Suspended => new("Tạm dừng thực hiện", "Implementation suspended"),
        DossierStage.Completed => new("Hoàn thành", "Completed"),
        DossierStage.Closed => new("Đã kết thúc", "Closed"),
        DossierStage.Withdrawn => new("Đã rút hồ sơ", "Withdrawn"),
        DossierStage.ReceiptRefused => new("Từ chối tiếp nhận hồ sơ", "Refused at intake"),
        _ => new(stage.ToString(), stage.ToString()),
    };

    public static Bilingual OfStep(DossierStep step) => step switch
    {
        DossierStep.Submitted => new("Nộp hồ sơ", "Dossier submitted"),
        DossierStep.SupplementRequested => new("Yêu cầu bổ sung hồ sơ", "Supplement requested"),
        DossierStep.Resubmitted => new("Đã nộp hồ sơ bổ sung", "Supplement submitted"),
        DossierStep.Accepted => new("Tiếp nhận hồ sơ hợp lệ, chuyển thẩm tra an ninh", "Dossier accepted, sent to the security check"),
        DossierStep.Withdrawn => new("Tổ chức rút hồ sơ", "Dossier withdrawn by the NGO"),
        DossierStep.ReceiptRefused => new("Sở Ngoại vụ từ chối tiếp nhận hồ sơ", "The Department of Foreign Affairs refused to receive the dossier"),
        DossierStep.ApologyIssued => new("Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Apology slip with a new date for the result"),
        DossierStep.SecurityConcluded => new("Hoàn thành thẩm tra an ninh", "Security check concluded"),
        DossierStep.AppraisalOpened => new("Bắt đầu thẩm định", "Appraisal opened"),
        DossierStep.AppraisalReportIssued => new("Đã có báo cáo thẩm định, chờ quyết định", "Appraisal report issued, awaiting the decision"),
        DossierStep.DecidedApproved => new("Phê duyệt khoản viện trợ", "Aid approved"),
        DossierStep.DecidedRefused => new("Không phê duyệt khoản viện trợ", "Aid not approved"),
        DossierStep.DecidedForwardedToPrimeMinister => new("Trình Thủ tướng Chính phủ quyết định", "Forwarded to the Prime Minister for decision"),
        DossierStep.PrimeMinisterDecidedApproved => new("Thủ tướng Chính phủ phê duyệt khoản viện trợ", "Aid approved by the Prime Minister"),
        DossierStep.PrimeMinisterDecidedRefused => new("Thủ tướng Chính phủ không phê duyệt khoản viện trợ", "Aid not approved by the Prime Minister"),
        DossierStep.MonitoringStarted => new("Bắt đầu theo dõi thực hiện", "Implementation monitoring started"),
        DossierStep.ProjectImplementing => new("Dự án đang thực hiện", "Project being implemented"),
        DossierStep.ProjectSuspended => new("Tạm dừng thực hiện", "Implementation suspended"),
        DossierStep.ProjectCompleted => new("Hoàn thành thực hiện", "Implementation completed"),
        DossierStep.ProjectClosed => new("Kết thúc khoản viện trợ", "Aid closed"),
        _ => new(step.ToString(), step.ToString()),
    };

    /// <summary>The agency holding the dossier at this stage (none once it is finished).</summary>
    public static Agency? HolderOf(DossierStage stage) => stage switch
    {
        DossierStage.IntakeCheck => Agencies.ForeignAffairs,
        DossierStage.SupplementRequested => Agencies.Ngo,
        DossierStage.SecurityCheck => Agencies.Police,
        DossierStage.Appraisal => Agencies.Finance,
        DossierStage.Decision or DossierStage.ForwardedToPrimeMinister => Agencies.PeoplesCommittee,
        DossierStage.Approved or DossierStage.Implementing or DossierStage.Suspended or DossierStage.Completed => Agencies.ForeignAffairs,
        _ => null,
    };
}
