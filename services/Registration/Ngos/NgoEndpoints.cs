namespace Aid.Registration.Ngos;

public static class NgoEndpoints
{
    public static IEndpointRouteBuilder MapNgos(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ngos").WithTags("NGO registry");
        group.MapPost("", RegisterNgoEndpoint.Handle).WithName("RegisterNgo")
            .WithSummary("Register a foreign NGO with its certificate")
            .RequireAuthorization(NgoAccess.Keep)
            .Produces<NgoChanged>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(409).ProducesProblem(422);
        group.MapPost("/{id:guid}/certificate/extend", ExtendCertificateEndpoint.Handle).WithName("ExtendNgoCertificate")
            .WithSummary("Extend the NGO's certificate to a later expiry date")
            .RequireAuthorization(NgoAccess.Keep)
            .Produces<NgoChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/certificate/extension-requests", RequestCertificateExtensionEndpoint.Handle).WithName("RequestCertificateExtension")
            .WithSummary("Ask Sở Ngoại vụ to extend the certificate to a date, with a reason (the NGO's own staff; one open request at a time)")
            .RequireAuthorization(NgoAccess.RequestExtension)
            .Produces<NgoChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/certificate/extension-requests/decline", DeclineCertificateExtensionEndpoint.Handle).WithName("DeclineCertificateExtension")
            .WithSummary("Decline the NGO's open extension request, with the reason the NGO reads")
            .RequireAuthorization(NgoAccess.Keep)
            .Produces<NgoChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapPut("/{id:guid}/profile", AmendNgoEndpoint.Handle).WithName("AmendNgo")
            .WithSummary("Amend the NGO's profile (names, address, contact, fields, provinces)")
            .RequireAuthorization(NgoAccess.Keep)
            .Produces<NgoChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/suspend", SuspendNgoEndpoint.Handle).WithName("SuspendNgo")
            .WithSummary("Suspend the NGO (a reason is required)")
            .RequireAuthorization(NgoAccess.Keep)
            .Produces<NgoChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/revoke", RevokeNgoEndpoint.Handle).WithName("RevokeNgo")
            .WithSummary("Revoke the NGO's registration for good (a reason is required)")
            .RequireAuthorization(NgoAccess.Keep)
            .Produces<NgoChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        group.MapGet("/{id:guid}", NgoQueries.GetNgo).WithName("GetNgo")
            .WithSummary("One NGO (NGO staff: their own NGO only)")
            .RequireAuthorization(NgoAccess.Read)
            .Produces<NgoView>().ProducesProblem(404);
        group.MapGet("", NgoQueries.List).WithName("ListNgos")
            .WithSummary("The NGO registry")
            .RequireAuthorization(NgoAccess.List)
            .Produces<List<NgoListItem>>();
        group.MapGet("/expiring", NgoQueries.Expiring).WithName("ListExpiringCertificates")
            .WithSummary("Certificates expiring within N days")
            .RequireAuthorization(NgoAccess.List)
            .Produces<List<ExpiringCertificate>>().ProducesProblem(400);
        return app;
    }
}
