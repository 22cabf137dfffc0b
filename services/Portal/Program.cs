using Aid.ServiceDefaults;

namespace Aid.Portal;

public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddHostDefaults("Aid.Portal");
        builder.AddPortal();

        var app = builder.Build();
        app.MapPortal();
        app.Run();
    }
}
