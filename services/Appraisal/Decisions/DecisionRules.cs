using Aid.Appraisal.Appraisals;
using Aid.Domain.Rules;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Decisions;

/// <summary>Stage ownership: UBND tỉnh decides only once the appraisal report is issued, and only once.</summary>
public static class DecisionRules
{
    public static void EnsureAwaitingDecision(DossierAppraisal state)
    {
        switch (state.Status)
        {
            case AppraisalStatus.AwaitingDecision:
                return;
            case AppraisalStatus.Pending:
                throw AppraisalRules.NotOpen;
            case AppraisalStatus.Withdrawn:
                throw AppraisalRules.Withdrawn;
            case AppraisalStatus.Decided:
                throw new RuleViolation("already-decided", new Bilingual(
                    "Hồ sơ đã có quyết định; không thể quyết định lần nữa.", "The dossier is already decided; it cannot be decided again."));
            default:
                throw new RuleViolation("report-not-issued", new Bilingual(
                    "Sở Tài chính chưa ban hành báo cáo thẩm định.", "The Department of Finance has not issued the appraisal report yet."));
        }
    }

    /// <summary>Approving or refusing locally is refused for Prime Minister matters: they must be forwarded.</summary>
    public static void EnsureProvincialMatter(DossierAppraisal state)
    {
        if (PrimeMinisterMatter.Describe(state.Summary!) is { } grounds)
            throw new RuleViolation("prime-minister-matter", new Bilingual(
                $"Khoản viện trợ thuộc thẩm quyền quyết định của Thủ tướng Chính phủ ({grounds.Vi}); hãy trình Thủ tướng Chính phủ.",
                $"This aid falls to the Prime Minister ({grounds.En}); forward the dossier to the Prime Minister instead."));
    }
}
