using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Registration.Catalogue;

/// <summary>
/// Communes, departments and Sở Ngoại vụ propose entries; Sở Ngoại vụ's mobilisation officers review and publish them;
/// NGO staff express interest. Proposers read their own agency's proposals only (<see cref="CatalogueRules"/>).
/// </summary>
public static class CatalogueAccess
{
    public const string Propose = "catalogue-propose";
    public const string Review = "catalogue-review";
    public const string Interest = "catalogue-interest";
    public const string Read = "catalogue-read";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Propose, Roles.LocalProposer, Roles.MobilisationOfficer)
        .Allow(Review, Roles.MobilisationOfficer)
        .Allow(Interest, Roles.NgoStaff)
        .Allow(Read, [Roles.MobilisationOfficer, Roles.LocalProposer, Roles.Administrator, .. Roles.Auditors]);
}
