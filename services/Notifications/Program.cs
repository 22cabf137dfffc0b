using Aid.ServiceDefaults;

namespace Aid.Notifications;

public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(NotificationsService.Name);
        builder.AddNotificationsService();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapNotificationsService();
        app.Run();
    }
}
