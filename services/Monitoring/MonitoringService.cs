using Aid.ServiceDefaults;

namespace Aid.Monitoring;

/// <summary>Approved projects, from approval until closure.</summary>
public static class MonitoringService
{
    public const string Name = "monitoring";
    public const string Agency = "SNV";

    public static WebApplicationBuilder AddMonitoringService(this WebApplicationBuilder builder)
    {
        builder.AddAidMarten(schema: Name, opts => { });
        builder.AddAidBus(Name);
        return builder;
    }
}
