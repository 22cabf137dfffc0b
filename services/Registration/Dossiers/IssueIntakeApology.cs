using Aid.Domain.Apologies;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Marten;

namespace Aid.Registration.Dossiers;

public static class IssueIntakeApology
{
    /// <summary>
    /// Sở Ngoại vụ passed the intake due date (the clock runs: not while it waits for the NGO's supplement): the intake
    /// officer issues an apology slip; the intake due date and the appointment date move by the same working days.
    /// </summary>
    public static IReadOnlyList<object> Decide(IssueApology command, Dossier dossier, WorkingCalendar calendar)
    {
        DossierRules.EnsureAt(dossier, DossierStage.IntakeCheck, "gửi phiếu xin lỗi / issue an apology slip");
        var slip = command.SlipFor(dossier.Intake!.DueDate, calendar);
        var moved = IssueApology.WorkingDaysMoved(slip.FormerDueDate, slip.NewDueDate, calendar);
        return [new IntakeApologySlipIssued(dossier.Id, dossier.ReceiptCode, slip, moved, calendar.AddWorkingDays(dossier.AppointmentDate, moved))];
    }
}

public static class IssueIntakeApologyEndpoint
{
    public static async Task<Versioned<DossierChanged>> Handle(
        Guid id, IssueApologyRequest? request, HttpContext http, IDocumentSession session, TimeProvider time,
        WorkingCalendar calendar, CancellationToken ct)
    {
        var command = IssueApology.From(request, Actor.From(http.User), time);
        return await session.RunAsync<Dossier, DossierChanged>(http, id, d => IssueIntakeApology.Decide(command, d, calendar),
            _ => DossierChanged.ReadAsync(session, id, ct));
    }
}
