using Marten;

namespace Aid.Registration.Donors;

public static class DonorEndpoints
{
    public static IEndpointRouteBuilder MapDonors(this IEndpointRouteBuilder app)
    {
        var donors = app.MapGroup("/donors").WithTags("Donors and dialogues");
        donors.MapPost("", RecordDonorEndpoint.Handle).WithName("RecordDonorContact")
            .WithSummary("Record a donor contact beyond registered NGOs (enterprise, individual, friendship association)")
            .RequireAuthorization(DonorAccess.Record)
            .Produces<DonorChanged>(StatusCodes.Status201Created).ProducesProblem(400);
        donors.MapPut("/{id:guid}", UpdateDonorEndpoint.Handle).WithName("UpdateDonorContact")
            .WithSummary("Update a donor contact")
            .RequireAuthorization(DonorAccess.Record)
            .Produces<DonorChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        donors.MapGet("", async (IQuerySession s, CancellationToken ct) =>
                Results.Ok(await s.Query<Donor>().OrderBy(d => d.Details.Name).Take(500).ToListAsync(ct)))
            .WithName("ListDonorContacts").WithSummary("Donor contacts")
            .RequireAuthorization(DonorAccess.Read)
            .Produces<List<Donor>>();

        var dialogues = app.MapGroup("/dialogues").WithTags("Donors and dialogues");
        dialogues.MapPost("", RecordDialogueEndpoint.Handle).WithName("RecordDialogue")
            .WithSummary("Record a meeting or dialogue with NGOs and donors: date, who, topics, follow-ups")
            .RequireAuthorization(DonorAccess.Record)
            .Produces<DialogueChanged>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(422);
        dialogues.MapPost("/{id:guid}/follow-ups/{index:int}/complete", CompleteFollowUpEndpoint.Handle).WithName("CompleteFollowUp")
            .WithSummary("Mark a follow-up of a dialogue done")
            .RequireAuthorization(DonorAccess.Record)
            .Produces<DialogueChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        dialogues.MapGet("", async (IQuerySession s, CancellationToken ct) =>
                Results.Ok(await s.Query<Dialogue>().OrderByDescending(d => d.HeldOn).Take(500).ToListAsync(ct)))
            .WithName("ListDialogues").WithSummary("Meetings and dialogues, latest first")
            .RequireAuthorization(DonorAccess.Read)
            .Produces<List<Dialogue>>();
        return app;
    }
}
