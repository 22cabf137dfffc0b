using Aid.ServiceDefaults;

namespace Aid.Security;

public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(SecurityService.Name);
        builder.AddSecurityService();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapSecurityService();
        app.Run();
    }
}
