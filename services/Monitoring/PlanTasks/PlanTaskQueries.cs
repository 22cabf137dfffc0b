using Aid.Monitoring.Projects;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
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

    public static async Task<IResult> Get(Guid id, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var task = await session.LoadAsync<PlanTask>(id, http.RequestAborted) ?? throw new NotFound("plan task");
        var state = await session.Events.FetchStreamStateAsync(id, http.RequestAborted);
        http.Response.Headers.ETag = $"\"{state!.Version}\"";
        return Results.Ok(PlanTaskView.Of(task, state.Version, clock.VietnamToday()));
    }

    /// <summary>Decides against the task's current state and appends with optimistic concurrency (If-Match honoured).</summary>
    public static async Task<IResult> DecideAsync(IDocumentSession session, HttpContext http, Guid id, Func<PlanTask, IReadOnlyList<object>> decide)
    {
        session.ActingAs(Actor.From(http.User), http);
        var decided = await session.DecideAsync(id, http.Request.ExpectedVersion(), decide, http.RequestAborted);
        var task = await session.LoadAsync<PlanTask>(id, http.RequestAborted);
        http.Response.Headers.ETag = $"\"{decided.Version}\"";
        return Results.Ok(PlanTaskView.Of(task!, decided.Version, http.RequestServices.GetRequiredService<TimeProvider>().VietnamToday()));
    }
}
