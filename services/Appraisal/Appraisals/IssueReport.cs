using Aid.Appraisal.Deadlines;
using Aid.Contracts.Appraisal;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Appraisal.Appraisals;

public sealed record IssueReportRequest(string? Recommendation, IReadOnlyList<string?>? Conditions, string? Reasons);

/// <summary>Issue the appraisal report: Approve | ApproveWithConditions (conditions) | Refuse (reasons).</summary>
public sealed record IssueReport(Recommendation Recommendation, IReadOnlyList<string> Conditions, string? Reasons, DateOnly Today)
{
    public static IssueReport From(IssueReportRequest request, DateOnly today)
    {
        var check = new InputCheck();
        var recommendation = check.OneOf<Recommendation>("recommendation", request.Recommendation);
        IReadOnlyList<string> conditions = [];
        var reasons = "";
        if (recommendation is not null)
        {
            conditions = check.Lines("conditions", request.Conditions,
                required: recommendation == Contracts.Appraisal.Recommendation.ApproveWithConditions, unique: true);
            reasons = check.Paragraphs("reasons", request.Reasons, required: recommendation == Contracts.Appraisal.Recommendation.Refuse);
        }
        check.ThrowIfInvalid();
        return new IssueReport(recommendation!.Value,
            recommendation == Contracts.Appraisal.Recommendation.Refuse ? [] : conditions, InputCheck.Optional(reasons), today);
    }

    /// <summary>
    /// The rule chosen for opinions: at least one opinion must have been requested, and the report may be issued once
    /// every requested opinion is either recorded or past its due date (a department that did not answer in time does
    /// not hold the appraisal up; its silence stays visible as a request without an opinion).
    /// </summary>
    public static IReadOnlyList<object> Decide(IssueReport command, DossierAppraisal state, DeadlinePlanner planner)
    {
        AppraisalRules.EnsureAppraising(state);
        if (state.OpinionRequests.Count == 0)
            throw new RuleViolation("opinions-not-requested", new Bilingual(
                "Chưa xin ý kiến của các sở, ngành liên quan.", "No written opinions have been requested from the departments."));
        var today = command.Today;
        var awaited = state.AwaitedOpinions.Where(r => today <= r.DueDate).Select(r => r.Department).ToList();
        if (awaited.Count > 0)
            throw new RuleViolation("opinions-awaited", new Bilingual(
                $"Đang chờ ý kiến (chưa hết hạn) của: {string.Join(", ", awaited)}.",
                $"Opinions still awaited (not yet due) from: {string.Join(", ", awaited)}."));

        return [new AppraisalReportIssued(state.Id, state.ReceiptCode, command.Recommendation, command.Conditions, command.Reasons,
            today, planner.Due(today, state.Summary!.AidKind, Stage.Decision))
        {
            OpenedOn = state.AppraisalStage?.StartedOn, DueDate = state.AppraisalStage?.OriginalDueDate,
        }];
    }
}

public static class IssueReportEndpoint
{
    public static async Task<Versioned<CommandResult>> Handle(
        Guid id, IssueReportRequest request, HttpContext http, IDocumentSession session, TimeProvider time, DeadlinePlanner planner)
    {
        var command = IssueReport.From(request, time.VietnamToday());
        return await session.RunAsync<DossierAppraisal, CommandResult>(http, id, state => IssueReport.Decide(command, state, planner),
            d => new CommandResult(id, d.Version));
    }
}
