using Aid.Monitoring.Projects;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Monitoring.PlanTasks;

public sealed record ReportPlanTaskProgressRequest(int? Percent, string? Note);

public sealed record WritePlanTaskContributionRequest(string? Text);

/// <summary>An agency of the task reports its progress, or writes its part of the narrative report.</summary>
public static class ReportPlanTaskProgressCommand
{
    public static IReadOnlyList<object> Decide(Actor actor, int percent, string note, DateOnly today, PlanTask task)
    {
        PlanTaskAccess.EnsureWorksOn(actor, task);
        if (task.Done)
            throw new RuleViolation("plan-task-done", new Bilingual("Nhiệm vụ đã hoàn thành.", "The task is already done."));
        if (task.Progress.FirstOrDefault(p => p.Agency == actor.Agency) is { } last && percent < last.Percent)
            throw new RuleViolation("progress-goes-back", new Bilingual(
                $"Tiến độ không được thấp hơn lần báo cáo trước ({last.Percent}%).", $"Progress may not go below the last report ({last.Percent}%)."), 422);
        return [new PlanTaskProgressReported(actor.Agency, percent, note, today)];
    }

    public static Task<IResult> Handle(Guid id, ReportPlanTaskProgressRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var check = new InputCheck();
        check.Rule(request.Percent is >= 0 and <= 100, "percent", "Tiến độ phải từ 0 đến 100.", "The percent must be between 0 and 100.");
        var note = check.Paragraphs("note", request.Note);
        check.ThrowIfInvalid();
        var actor = Actor.From(http.User);
        return PlanTaskQueries.DecideAsync(session, http, id, task => Decide(actor, request.Percent!.Value, note, clock.VietnamToday(), task));
    }

    public static IReadOnlyList<object> Contribute(Actor actor, string text, DateOnly today, PlanTask task)
    {
        PlanTaskAccess.EnsureWorksOn(actor, task);
        return [new PlanTaskContributionWritten(actor.Agency, text, today)];
    }

    public static Task<IResult> HandleContribution(Guid id, WritePlanTaskContributionRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var text = InputCheck.Validated(check => check.Paragraphs("text", request.Text));
        var actor = Actor.From(http.User);
        return PlanTaskQueries.DecideAsync(session, http, id, task => Contribute(actor, text, clock.VietnamToday(), task));
    }
}
