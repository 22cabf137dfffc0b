using Aid.Registration.Catalogue;
using Aid.Registration.Donors;
using Aid.Registration.Dossiers;
using Aid.Registration.Mobilisation;
using Aid.Registration.PersonalData;
using Aid.Registration.Ngos;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Problems;

namespace Aid.Registration;

public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(RegistrationService.Name);
        builder.AddRegistrationService();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.UseUnreadableJsonAsInvalidField();
        app.UseRateLimiter();
        app.MapNgos();
        app.MapPersonalData();
        app.MapCatalogue();
        app.MapMobilisation();
        app.MapDonors();
        Aid.Registration.Ratings.RateServiceEndpoint.MapRatings(app);
        app.MapDossiers();
        app.Run();
    }
}
