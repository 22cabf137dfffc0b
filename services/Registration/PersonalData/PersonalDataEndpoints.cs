using Aid.ServiceDefaults;
using Marten;

namespace Aid.Registration.PersonalData;

/// <summary>An erasure as the auditor reads it: who, for which agency, when, why.</summary>
public sealed record ErasureRecord(Guid PersonId, string Reason, DateTimeOffset ErasedAt, string? ErasedBy, string? Agency);

public static class PersonalDataEndpoints
{
    public static IEndpointRouteBuilder MapPersonalData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/personal-data").WithTags("Personal data");
        group.MapPost("/people/{personId:guid}/erasure", ErasePersonEndpoint.Handle).WithName("ErasePerson")
            .WithSummary("Erase a person's personal data for good (their key is destroyed; a reason is required)")
            .RequireAuthorization(PersonalDataAccess.Erase)
            .Produces<PersonErased>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/erasures", Erasures).WithName("ListErasures")
            .WithSummary("Every erasure: who erased whose data, when and why")
            .RequireAuthorization(PersonalDataAccess.ReadErasures)
            .Produces<List<ErasureRecord>>();
        return app;
    }

    private static async Task<IResult> Erasures(IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypeName == "personal_data_erased").OrderByDescending(e => e.Sequence).ToListAsync(ct);
        return Results.Ok(events.Select(e => e.Data is PersonalDataErased d
            ? new ErasureRecord(d.PersonId, d.Reason, d.ErasedAt, e.UserName, e.GetHeader(EventHeaders.Agency)?.ToString())
            : null).OfType<ErasureRecord>().ToList());
    }
}
