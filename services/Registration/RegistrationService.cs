using Aid.ServiceDefaults;
using Marten;

namespace Aid.Registration;

/// <summary>Sở Ngoại vụ: the foreign NGO registry and dossier intake.</summary>
public static class RegistrationService
{
    public const string Name = "registration";
    public const string Agency = "SNV";

    public static WebApplicationBuilder AddRegistrationService(this WebApplicationBuilder builder)
    {
        builder.AddAidMarten(schema: Name, opts => { })
            .AddSubscriptionWithServices<RegistrationRelay>(ServiceLifetime.Singleton);
        builder.AddAidBus(Name);
        return builder;
    }
}
