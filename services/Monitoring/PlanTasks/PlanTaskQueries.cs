using Aid.Monitoring.Projects;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.PlanTasks;

public sealed record PlanTaskView(
    Guid Id, int Year, string Title, string LeadAgency, IReadOnlyList<string> PartnerAgencies, string Product, DateOnly StartOn, DateOnly DueOn,
    IReadOnlyList<AgencyProgress> Progress, IReadOnlyList<AgencyContribution> Contributions, bool Done, bool Late, IReadOnlyList<string> LateAgencies,
    long Version)
{
    public static PlanTaskView Of(PlanTask t, long version, DateOnly today)
    {
        var late = t.LateAgencies(today);
        return new(t.Id, t.Year, t.Title, t.LeadAgency, t.PartnerAgencies, t.Product, t.StartOn, t.DueOn,
            t.Progress.OrderBy(p => p.Agency, StringComparer.Ordinal).ToList(), t.Contributions.OrderBy(c => c.Agency, StringComparer.Ordinal).ToList(),
            t.Done, late.Count > 0, late, version);
    }

    /// <summary>The task as a command left it: its inline snapshot, read back in the command's session.</summary>
    public static async Task<PlanTaskView> ReadAsync(IQuerySession session, Guid id, long version, DateOnly today) =>
        Of((await session.LoadAsync<PlanTask>(id))!, version, today);
}

public static class PlanTaskQueries
{
    public static async Task<IResult> List(int? year, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var today = clock.VietnamToday();
        var wanted = year ?? today.Year;
        new InputCheck().Rule(wanted is >= 2001 and <= 2100, "year", "Năm phải từ 2001 đến 2100.", "The year must be between 2001 and 2100.").ThrowIfInvalid();
        var tasks = await session.Query<PlanTask>().Where(t => t.Year == wanted).ToListAsync(http.RequestAborted);
        return Results.Ok(tasks.OrderBy(t => t.DueOn).ThenBy(t => t.Title, StringComparer.Ordinal).Select(t => PlanTaskView.Of(t, 0, today)).ToList());
    }

    public static async Task<Versioned<PlanTaskView>> Get(Guid id, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var task = await session.LoadAsync<PlanTask>(id, http.RequestAborted) ?? throw new NotFound("plan task");
        var state = await session.Events.FetchStreamStateAsync(id, http.RequestAborted);
        return Versioned.Ok(PlanTaskView.Of(task, state!.Version, clock.VietnamToday()), state.Version);
    }
}
