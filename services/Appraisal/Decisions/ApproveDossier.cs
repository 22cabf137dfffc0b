using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Deadlines;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Appraisal.Decisions;

/// <summary>UBND tỉnh approves the aid: decision number, date, signer, conditions; an override reason when security objected.</summary>
public sealed record ApproveDossier(
    string? DecisionNumber, DateOnly? DecisionDate, string? Signer, IReadOnlyList<string?>? Conditions, string? SecurityOverrideReason)
{
    public void Validate(DateOnly today)
    {
        var check = new InputCheck();
        check.Line("decisionNumber", DecisionNumber, 100);
        check.Date("decisionDate", DecisionDate, notAfter: today);
        check.Line("signer", Signer);
        check.Lines("conditions", Conditions, required: false, unique: true);
        check.Paragraphs("securityOverrideReason", SecurityOverrideReason, required: false);
        check.ThrowIfInvalid();
    }

    public static IReadOnlyList<object> Decide(ApproveDossier command, DossierAppraisal state, DateOnly today)
    {
        DecisionRules.EnsureAwaitingDecision(state);
        DecisionRules.EnsureProvincialMatter(state);
        if (command.DecisionDate < state.Report!.IssuedOn)
            throw new RuleViolation("decision-before-report", new Bilingual(
                "Ngày quyết định trước ngày ban hành báo cáo thẩm định.", "The decision is dated before the appraisal report."), 422);

        var overrideReason = string.IsNullOrWhiteSpace(command.SecurityOverrideReason) ? null : command.SecurityOverrideReason.Trim();
        var events = new List<object>();
        if (state.HasSecurityObjection)
        {
            if (overrideReason is null)
                throw new RuleViolation("security-objection", new Bilingual(
                    "Công an tỉnh có ý kiến phản đối; chỉ có thể phê duyệt khi nêu rõ lý do vượt qua ý kiến này (securityOverrideReason).",
                    "The Provincial Police objected; approval needs an explicit, recorded override reason (securityOverrideReason)."));
            events.Add(new SecurityObjectionOverridden(state.Id, overrideReason, today));
        }
        else if (overrideReason is not null)
            throw new RuleViolation("nothing-to-override", new Bilingual(
                "Công an tỉnh không phản đối; không có gì để vượt qua.", "Security did not object; there is nothing to override."), 422);

        events.Add(new DossierApproved(state.Id, state.ReceiptCode, command.DecisionNumber!.Trim(), command.DecisionDate!.Value,
            command.Signer!.Trim(), (command.Conditions ?? []).Select(c => c!.Trim()).ToList(), today, state.Summary!)
        {
            DecisionDueDate = state.DecisionStage?.OriginalDueDate,
        });
        return events;
    }

    public static async Task<Ok<CommandResult>> Handle(
        Guid id, ApproveDossier command, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = time.VietnamToday();
        command.Validate(today);
        return await session.RunAsync(id, http, state => Decide(command, state, today), cancellationToken);
    }
}
