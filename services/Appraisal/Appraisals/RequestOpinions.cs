using Aid.Appraisal.Deadlines;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Appraisal.Appraisals;

/// <summary>Ask departments (Sở Ngoại vụ, the sectoral department, others) for their written opinion.</summary>
public sealed record RequestOpinions(IReadOnlyList<string?>? Departments)
{
    public IReadOnlyList<string> Validated()
    {
        return InputCheck.Validated(check => check.Lines("departments", Departments, unique: true));
    }

    /// <summary>Each department has Opinions working days from the request. Asking the same department twice is refused.</summary>
    public static IReadOnlyList<object> Decide(IReadOnlyList<string> departments, DossierAppraisal state, DateOnly today, DeadlinePlanner planner)
    {
        AppraisalRules.EnsureAppraising(state);
        var already = departments.Where(d => state.OpinionRequests.Any(r => string.Equals(r.Department, d, StringComparison.OrdinalIgnoreCase))).ToList();
        if (already.Count > 0)
            throw new RuleViolation("opinion-already-requested", new Bilingual(
                $"Đã xin ý kiến: {string.Join(", ", already)}.", $"Opinion already requested from: {string.Join(", ", already)}."));
        return [new OpinionsRequested(state.Id, departments, today, planner.Due(today, state.Summary!.AidKind, Stage.Opinions))];
    }

    public static async Task<Ok<CommandResult>> Handle(
        Guid id, RequestOpinions command, HttpContext http, IDocumentSession session, TimeProvider time, DeadlinePlanner planner,
        CancellationToken cancellationToken)
    {
        var departments = command.Validated();
        return await session.RunAsync(id, http, state => Decide(departments, state, time.VietnamToday(), planner), cancellationToken);
    }
}
