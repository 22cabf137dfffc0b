using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record RecordAidTrancheRequest(decimal? Amount, string? Currency, DateOnly? ReceivedOn, string? Note);

/// <summary>A tranche of the aid reached the Vietnamese side.</summary>
public sealed record RecordAidTranche(Guid TrancheId, decimal Amount, string Currency, DateOnly ReceivedOn, string? Note, DateOnly Today)
{
    public static RecordAidTranche From(RecordAidTrancheRequest request, DateOnly today)
    {
        var check = new InputCheck();
        var amount = check.Amount("amount", request.Amount);
        var currency = check.Currency("currency", request.Currency);
        var receivedOn = check.Date("receivedOn", request.ReceivedOn);
        var note = check.Line("note", request.Note, required: false);
        check.ThrowIfInvalid();
        return new RecordAidTranche(Guid.NewGuid(), amount, currency, receivedOn!.Value, InputCheck.Optional(note), today);
    }

    public static IReadOnlyList<object> Decide(RecordAidTranche command, MonitoredProject project)
    {
        ProjectRules.EnsureNotClosed(project);
        ProjectRules.EnsureNotSuspended(project, new Bilingual("ghi nhận tiếp nhận viện trợ", "record aid receipts"));
        ProjectRules.EnsureNotInFuture(command.ReceivedOn, command.Today, "receivedOn");
        ProjectRules.EnsureNotBefore(command.ReceivedOn, project.DecisionDate, "receivedOn", ProjectRules.DecisionDate);
        if (project.Tranches.Any(t => t.Amount == command.Amount && t.Currency == command.Currency
                && t.ReceivedOn == command.ReceivedOn && t.Note == command.Note))
            throw new RuleViolation("tranche-already-recorded", new Bilingual(
                "Đợt tiếp nhận này (cùng số tiền, loại tiền, ngày và ghi chú) đã được ghi nhận.",
                "This tranche (same amount, currency, date and note) is already recorded."));
        return [new AidTrancheReceived(command.TrancheId, command.Amount, command.Currency, command.ReceivedOn, command.Note)
        {
            ReceiptCode = project.ReceiptCode, AmountVnd = project.InVnd(command.Amount, command.Currency),
        }];
    }
}

public static class RecordAidTrancheEndpoint
{
    public static async Task<Versioned<ProjectDeskView>> Handle(Guid id, RecordAidTrancheRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var command = RecordAidTranche.From(request, clock.VietnamToday());
        return await session.RunAsync<MonitoredProject, ProjectDeskView>(http, id, project => RecordAidTranche.Decide(command, project),
            d => ProjectView.ReadAsync(session, id, d.Version, command.Today), ProjectAccess.Sees(Actor.From(http.User)), ProjectAccess.What);
    }
}
