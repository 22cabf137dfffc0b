namespace Aid.Registration.Catalogue;

public static class CatalogueEndpoints
{
    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/catalogue/entries").WithTags("Aid mobilisation catalogue");

        group.MapPost("", ProposeEntryEndpoint.Handle).WithName("ProposeCatalogueEntry")
            .WithSummary("Propose a project for the catalogue calling for aid (communes/wards, departments)")
            .RequireAuthorization(CatalogueAccess.Propose)
            .Produces<EntryChanged>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(409);
        group.MapPost("/{id:guid}/return", ReturnEntryEndpoint.Handle).WithName("ReturnCatalogueEntry")
            .WithSummary("Send the proposal back to its proposer with comments (Sở Ngoại vụ)")
            .RequireAuthorization(CatalogueAccess.Review)
            .Produces<EntryChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapPut("/{id:guid}", ResubmitEntryEndpoint.Handle).WithName("ResubmitCatalogueEntry")
            .WithSummary("Revise a returned proposal and send it back for review (the proposing agency)")
            .RequireAuthorization(CatalogueAccess.Propose)
            .Produces<EntryChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/publish", PublishEntryEndpoint.Handle).WithName("PublishCatalogueEntry")
            .WithSummary("Publish the proposal into the province's catalogue for one year (Sở Ngoại vụ)")
            .RequireAuthorization(CatalogueAccess.Review)
            .Produces<EntryChanged>().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/interest", ExpressInterestEndpoint.Handle).WithName("ExpressInterestInCatalogueEntry")
            .WithSummary("The caller's NGO expresses interest in a published entry")
            .RequireAuthorization(CatalogueAccess.Interest)
            .Produces<EntryChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        group.MapGet("", CatalogueQueries.List).WithName("ListCatalogueEntries")
            .WithSummary("Proposals and entries (proposers: their own agency's only)")
            .RequireAuthorization(CatalogueAccess.Read)
            .Produces<List<EntrySummary>>().ProducesProblem(400);
        group.MapGet("/{id:guid}", CatalogueQueries.ById).WithName("GetCatalogueEntry")
            .WithSummary("One entry with its review comments, interests and funding")
            .RequireAuthorization(CatalogueAccess.Read)
            .Produces<CatalogueEntry>().ProducesProblem(404);
        app.MapGet("/catalogue/interests", CatalogueQueries.OwnInterests).WithTags("Aid mobilisation catalogue").WithName("ListOwnCatalogueInterests")
            .WithSummary("The entries the caller's NGO expressed interest in")
            .RequireAuthorization(CatalogueAccess.Interest)
            .Produces<List<OwnInterest>>();

        var open = app.MapGroup("/public/catalogue").WithTags("Aid mobilisation catalogue").AllowAnonymous();
        open.MapGet("", CatalogueQueries.Search).WithName("SearchPublicCatalogue")
            .WithSummary("Published, unexpired entries; filter by sector and commune/ward (no sign-in)")
            .Produces<List<PublicEntry>>().ProducesProblem(400);
        open.MapGet("/sectors", CatalogueQueries.SectorList).WithName("ListCatalogueSectors")
            .WithSummary("The sectors, with Vietnamese and English labels (no sign-in)")
            .Produces<List<Sector>>();
        open.MapGet("/{id:guid}", CatalogueQueries.PublicById).WithName("GetPublicCatalogueEntry")
            .WithSummary("One published, unexpired entry (no sign-in)")
            .Produces<PublicEntry>().ProducesProblem(404);
        return app;
    }
}
