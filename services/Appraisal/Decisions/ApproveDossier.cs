using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Deadlines;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Appraisal.Decisions;

public sealed record ApproveDossierRequest(
    string? DecisionNumber, DateOnly? DecisionDate, string? Signer, IReadOnlyList<string?>? Conditions, string? SecurityOverrideReason);

/// <summary>UBND tỉnh approves the aid: decision number, date, signer, conditions; an override reason when security objected.</summary>
public sealed record ApproveDossier(
    string DecisionNumber, DateOnly DecisionDate, string Signer, IReadOnlyList<string> Conditions, string? SecurityOverrideReason,
    DateOnly Today)
{
    public static ApproveDossier From(ApproveDossierRequest request, DateOnly today)
    {
        var check = new InputCheck();
        var decisionNumber = check.Line("decisionNumber", request.DecisionNumber, 100);
        var decisionDate = check.Date("decisionDate", request.DecisionDate, notAfter: today);
        var signer = check.Line("signer", request.Signer);
        var conditions = check.Lines("conditions", request.Conditions, required: false, unique: true);
        var overrideReason = check.Paragraphs("securityOverrideReason", request.SecurityOverrideReason, required: false);
        check.ThrowIfInvalid();
        return new ApproveDossier(decisionNumber, decisionDate!.Value, signer, conditions, InputCheck.Optional(overrideReason), today);
    }

    public static IReadOnlyList<object> Decide(ApproveDossier command, DossierAppraisal state)
    {
        DecisionRules.EnsureAwaitingDecision(state);
        DecisionRules.EnsureProvincialMatter(state);
        if (command.DecisionDate < state.Report!.IssuedOn)
            throw new RuleViolation("decision-before-report", new Bilingual(
                "Ngày quyết định trước ngày ban hành báo cáo thẩm định.", "The decision is dated before the appraisal report."), 422);

        var overrideReason = command.SecurityOverrideReason;
        var events = new List<object>();
        if (state.HasSecurityObjection)
        {
            if (overrideReason is null)
                throw new RuleViolation("security-objection", new Bilingual(
                    "Công an tỉnh có ý kiến phản đối; chỉ có thể phê duyệt khi nêu rõ lý do vượt qua ý kiến này (securityOverrideReason).",
                    "The Provincial Police objected; approval needs an explicit, recorded override reason (securityOverrideReason)."));
            events.Add(new SecurityObjectionOverridden(state.Id, overrideReason, command.Today));
        }
        else if (overrideReason is not null)
            throw new RuleViolation("nothing-to-override", new Bilingual(
                "Công an tỉnh không phản đối; không có gì để vượt qua.", "Security did not object; there is nothing to override."), 422);

        events.Add(new DossierApproved(state.Id, state.ReceiptCode, command.DecisionNumber, command.DecisionDate,
            command.Signer, command.Conditions, command.Today, state.Summary!)
        {
            DecisionDueDate = state.DecisionStage?.OriginalDueDate,
        });
        return events;
    }

}

public static class ApproveDossierEndpoint
{
    public static async Task<Versioned<CommandResult>> Handle(
        Guid id, ApproveDossierRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = ApproveDossier.From(request, time.VietnamToday());
        return await session.RunAsync<DossierAppraisal, CommandResult>(http, id, state => ApproveDossier.Decide(command, state),
            d => new CommandResult(id, d.Version));
    }
}
