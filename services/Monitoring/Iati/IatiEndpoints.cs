using System.Text;
using System.Xml;
using System.Xml.Linq;
using Aid.Monitoring.Projects;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;
using Microsoft.Extensions.Options;

namespace Aid.Monitoring.Iati;

/// <summary>The IATI export (who reads what: <see cref="IatiAccess"/>).</summary>
public static class IatiEndpoints
{
    private const string ContentType = "application/xml; charset=utf-8";

    public static IEndpointRouteBuilder MapIati(this IEndpointRouteBuilder app)
    {
        app.MapGet("/projects/{id:guid}/iati", GetActivity).RequireAuthorization(IatiAccess.ReadOne).WithTags("IATI")
            .WithName("GetIatiActivity").WithSummary("One approved project as an IATI 2.03 activity (XML)")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/iati/activities", GetActivities).RequireAuthorization(IatiAccess.ReadAll).WithTags("IATI")
            .WithName("GetIatiActivities").WithSummary("Approved projects (optionally those approved in a year) as IATI 2.03 activities (XML)")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> GetActivity(Guid id, IQuerySession session, IOptions<IatiOptions> options, TimeProvider clock, HttpContext http)
    {
        var project = await session.LoadAsync<MonitoredProject>(id, http.RequestAborted);
        if (project is null || !Actor.From(http.User).MaySee(project))
            throw new NotFound(ProjectAccess.What, hidden: project is not null);
        return Xml(IatiActivity.Activities([project], options.Value, clock.GetUtcNow()));
    }

    /// <summary>year: the projects approved (decision date) in that year; none given, every approved project.</summary>
    public static async Task<IResult> GetActivities(string? year, IQuerySession session, IOptions<IatiOptions> options, TimeProvider clock, HttpContext http)
    {
        int? wanted = int.TryParse(year, System.Globalization.NumberStyles.None, null, out var parsed) ? parsed : null;
        new InputCheck().Rule(year is null || wanted is >= 2000 and <= 2100, "year",
            "Năm phải là số từ 2000 đến 2100.", "The year must be a number from 2000 to 2100.").ThrowIfInvalid();
        var projects = (await session.Query<MonitoredProject>().ToListAsync(http.RequestAborted))
            .Where(p => wanted is null || p.DecisionDate.Year == wanted)
            .OrderBy(p => p.DecisionDate).ThenBy(p => p.ReceiptCode)
            .ToList();
        // The schema wants at least one activity: an empty export is "nothing there", not an invalid file.
        if (projects.Count == 0)
            throw new RuleViolation("no-approved-projects", new Bilingual(
                "Không có dự án nào được phê duyệt (trong năm đã chọn).", "No project was approved (in the year chosen)."), 404);
        return Xml(IatiActivity.Activities(projects, options.Value, clock.GetUtcNow()));
    }

    private static IResult Xml(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            document.Save(writer);
        return Results.Bytes(buffer.ToArray(), ContentType);
    }
}
