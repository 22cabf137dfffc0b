using Aid.ServiceDefaults;

namespace Aid.Appraisal;

public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(AppraisalService.Name);
        builder.AddAppraisalService();

        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapAppraisalService();
        app.Run();
    }
}
