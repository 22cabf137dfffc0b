using Aid.Domain.Rules;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Appraisals;

/// <summary>Stage ownership: Sở Tài chính acts only while the dossier is being appraised.</summary>
public static class AppraisalRules
{
    public static void EnsureAppraising(DossierAppraisal state)
    {
        switch (state.Status)
        {
            case AppraisalStatus.Appraising:
                return;
            case AppraisalStatus.Pending:
                throw NotOpen;
            case AppraisalStatus.Withdrawn:
                throw Withdrawn;
            default:
                throw new RuleViolation("appraisal-stage-over", new Bilingual(
                    "Báo cáo thẩm định đã được ban hành; hồ sơ không còn ở giai đoạn thẩm định.",
                    "The appraisal report has been issued; the dossier is no longer at the appraisal stage."));
        }
    }

    public static RuleViolation NotOpen => new("appraisal-not-open", new Bilingual(
        "Chưa mở thẩm định: cần có kết luận an ninh của Công an tỉnh và hồ sơ đã được tiếp nhận.",
        "The appraisal is not open: it waits for the security conclusion of the Provincial Police and the accepted dossier."));

    public static RuleViolation Withdrawn => new("dossier-withdrawn", new Bilingual(
        "Hồ sơ đã được tổ chức rút; không thể thao tác thêm.",
        "The NGO withdrew the dossier; nothing more can be done on it."));
}
