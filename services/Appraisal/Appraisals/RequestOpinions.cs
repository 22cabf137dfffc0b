using Aid.Appraisal.Deadlines;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Appraisal.Appraisals;

public sealed record RequestOpinionsRequest(IReadOnlyList<string?>? Departments);

/// <summary>Ask departments (Sở Ngoại vụ, the sectoral department, others) for their written opinion.</summary>
public sealed record RequestOpinions(IReadOnlyList<string> Departments, DateOnly Today)
{
    public static RequestOpinions From(RequestOpinionsRequest request, DateOnly today) =>
        new(InputCheck.Validated(check => check.Lines("departments", request.Departments, unique: true)), today);

    /// <summary>Each department has Opinions working days from the request. Asking the same department twice is refused.</summary>
    public static IReadOnlyList<object> Decide(RequestOpinions command, DossierAppraisal state, DeadlinePlanner planner)
    {
        AppraisalRules.EnsureAppraising(state);
        var already = command.Departments
            .Where(d => state.OpinionRequests.Any(r => string.Equals(r.Department, d, StringComparison.OrdinalIgnoreCase))).ToList();
        if (already.Count > 0)
            throw new RuleViolation("opinion-already-requested", new Bilingual(
                $"Đã xin ý kiến: {string.Join(", ", already)}.", $"Opinion already requested from: {string.Join(", ", already)}."));
        return [new OpinionsRequested(state.Id, command.Departments, command.Today,
            planner.Due(command.Today, state.Summary!.AidKind, Stage.Opinions))];
    }
}

public static class RequestOpinionsEndpoint
{
    public static async Task<Versioned<CommandResult>> Handle(
        Guid id, RequestOpinionsRequest request, HttpContext http, IDocumentSession session, TimeProvider time, DeadlinePlanner planner)
    {
        var command = RequestOpinions.From(request, time.VietnamToday());
        return await session.RunAsync<DossierAppraisal, CommandResult>(http, id, state => RequestOpinions.Decide(command, state, planner),
            d => new CommandResult(id, d.Version));
    }
}
