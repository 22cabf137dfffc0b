using Aid.Appraisal.Deadlines;
using Aid.Contracts.Appraisal;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Appraisal.Appraisals;

/// <summary>Issue the appraisal report: Approve | ApproveWithConditions (conditions) | Refuse (reasons).</summary>
public sealed record IssueReport(string? Recommendation, IReadOnlyList<string?>? Conditions, string? Reasons)
{
    public Recommendation Validated()
    {
        var check = new InputCheck();
        var recommendation = check.OneOf<Recommendation>("recommendation", Recommendation);
        if (recommendation is not null)
        {
            check.Lines("conditions", Conditions, required: recommendation == Contracts.Appraisal.Recommendation.ApproveWithConditions, unique: true);
            check.Paragraphs("reasons", Reasons, required: recommendation == Contracts.Appraisal.Recommendation.Refuse);
        }
        check.ThrowIfInvalid();
        return recommendation!.Value;
    }

    /// <summary>
    /// The rule chosen for opinions: at least one opinion must have been requested, and the report may be issued once
    /// every requested opinion is either recorded or past its due date (a department that did not answer in time does
    /// not hold the appraisal up; its silence stays visible as a request without an opinion).
    /// </summary>
    public static IReadOnlyList<object> Decide(
        IssueReport command, Recommendation recommendation, DossierAppraisal state, DateOnly today, DeadlinePlanner planner)
    {
        AppraisalRules.EnsureAppraising(state);
        if (state.OpinionRequests.Count == 0)
            throw new RuleViolation("opinions-not-requested", new Bilingual(
                "Chưa xin ý kiến của các sở, ngành liên quan.", "No written opinions have been requested from the departments."));
        var awaited = state.AwaitedOpinions.Where(r => today <= r.DueDate).Select(r => r.Department).ToList();
        if (awaited.Count > 0)
            throw new RuleViolation("opinions-awaited", new Bilingual(
                $"Đang chờ ý kiến (chưa hết hạn) của: {string.Join(", ", awaited)}.",
                $"Opinions still awaited (not yet due) from: {string.Join(", ", awaited)}."));

        return [new AppraisalReportIssued(state.Id, state.ReceiptCode, recommendation,
            recommendation == Contracts.Appraisal.Recommendation.Refuse ? [] : (command.Conditions ?? []).Select(c => c!.Trim()).ToList(),
            string.IsNullOrWhiteSpace(command.Reasons) ? null : command.Reasons.Trim(),
            today, planner.Due(today, state.Summary!.AidKind, Stage.Decision))
        {
            OpenedOn = state.AppraisalStage?.StartedOn, DueDate = state.AppraisalStage?.OriginalDueDate,
        }];
    }

    public static async Task<Ok<CommandResult>> Handle(
        Guid id, IssueReport command, HttpContext http, IDocumentSession session, TimeProvider time, DeadlinePlanner planner,
        CancellationToken cancellationToken)
    {
        var recommendation = command.Validated();
        return await session.RunAsync(id, http, state => Decide(command, recommendation, state, time.VietnamToday(), planner), cancellationToken);
    }
}
