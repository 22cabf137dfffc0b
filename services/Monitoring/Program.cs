using Aid.ServiceDefaults;

namespace Aid.Monitoring;

public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(MonitoringService.Name);
        builder.AddMonitoringService();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapMonitoringService();
        app.Run();
    }
}
