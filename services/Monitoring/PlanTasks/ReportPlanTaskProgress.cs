using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.PlanTasks;

public sealed record ReportPlanTaskProgressRequest(int? Percent, string? Note);

/// <summary>An agency of the task reports its progress (percent done, as that agency sees its part).</summary>
public sealed record ReportPlanTaskProgress(string Agency, int Percent, string Note, DateOnly Today)
{
    public static ReportPlanTaskProgress From(ReportPlanTaskProgressRequest request, Actor actor, DateOnly today)
    {
        var check = new InputCheck();
        check.Rule(request.Percent is >= 0 and <= 100, "percent", "Tiến độ phải từ 0 đến 100.", "The percent must be between 0 and 100.");
        var note = check.Paragraphs("note", request.Note);
        check.ThrowIfInvalid();
        return new ReportPlanTaskProgress(actor.Agency, request.Percent!.Value, note, today);
    }

    public static IReadOnlyList<object> Decide(ReportPlanTaskProgress command, PlanTask task)
    {
        PlanTaskAccess.EnsureWorksOn(command.Agency, task);
        if (task.Done)
            throw new RuleViolation("plan-task-done", new Bilingual("Nhiệm vụ đã hoàn thành.", "The task is already done."));
        if (task.Progress.FirstOrDefault(p => p.Agency == command.Agency) is { } last && command.Percent < last.Percent)
            throw new RuleViolation("progress-goes-back", new Bilingual(
                $"Tiến độ không được thấp hơn lần báo cáo trước ({last.Percent}%).", $"Progress may not go below the last report ({last.Percent}%)."), 422);
        return [new PlanTaskProgressReported(command.Agency, command.Percent, command.Note, command.Today)];
    }
}

public static class ReportPlanTaskProgressEndpoint
{
    public static async Task<Versioned<PlanTaskView>> Handle(Guid id, ReportPlanTaskProgressRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var command = ReportPlanTaskProgress.From(request, Actor.From(http.User), clock.VietnamToday());
        return await session.RunAsync<PlanTask, PlanTaskView>(http, id, task => ReportPlanTaskProgress.Decide(command, task),
            d => PlanTaskView.ReadAsync(session, id, d.Version, command.Today));
    }
}
