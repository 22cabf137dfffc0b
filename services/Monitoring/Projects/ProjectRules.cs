using Aid.Contracts.Monitoring;
using Aid.Domain.Rules;

namespace Aid.Monitoring.Projects;

/// <summary>The refusals several commands share.</summary>
public static class ProjectRules
{
    public static void EnsureNotClosed(MonitoredProject project)
    {
        if (project.Status == MonitoringStatus.Closed)
            throw new RuleViolation("project-closed", new Bilingual(
                "Dự án đã kết thúc; không thể ghi nhận thêm.", "The project is closed; nothing more can be recorded."));
    }

    public static void EnsureNotSuspended(MonitoredProject project, Bilingual what)
    {
        if (project.Status == MonitoringStatus.Suspended)
            throw new RuleViolation("project-suspended", new Bilingual(
                $"Dự án đang tạm dừng: không thể {what.Vi}.", $"The project is suspended: cannot {what.En}."));
    }

    /// <summary>A fact recorded today cannot have happened tomorrow (422: the request itself breaks the rule).</summary>
    public static void EnsureNotInFuture(DateOnly date, DateOnly today, string field)
    {
        if (date > today)
            throw new RuleViolation("date-in-future", new Bilingual(
                $"Ngày ({field}) không được sau hôm nay ({today:yyyy-MM-dd}).",
                $"The date ({field}) cannot be later than today ({today:yyyy-MM-dd})."), 422);
    }

    public static void EnsureNotBefore(DateOnly date, DateOnly earliest, string field, Bilingual earliestIs)
    {
        if (date < earliest)
            throw new RuleViolation("date-too-early", new Bilingual(
                $"Ngày ({field}) không được trước {earliestIs.Vi} ({earliest:yyyy-MM-dd}).",
                $"The date ({field}) cannot be before {earliestIs.En} ({earliest:yyyy-MM-dd})."), 422);
    }

    public static readonly Bilingual DecisionDate = new("ngày quyết định phê duyệt", "the approval decision date");
}
