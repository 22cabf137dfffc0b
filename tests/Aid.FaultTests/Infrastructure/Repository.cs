namespace Aid.FaultTests.Infrastructure;

public static class Repository
{
    /// <summary>The checkout's root folder (the one holding Aid.sln).</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Aid.sln"))) return dir.FullName;
        throw new InvalidOperationException("Aid.sln not found above " + AppContext.BaseDirectory);
    }
}
