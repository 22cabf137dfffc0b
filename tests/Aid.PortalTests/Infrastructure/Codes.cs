using System.Text.Json;

namespace Aid.PortalTests.Infrastructure;

/// <summary>The portal's code label catalogue (services/Portal/Labels/codes.json, linked into the test output).</summary>
public static class Codes
{
    /// <summary>Every code that is a word, not a number: none may be shown as it is on a Vietnamese page.</summary>
    public static readonly string[] Words = Load();

    private static string[] Load()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "codes.json"));
        var groups = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string[]>>>(file)!;
        return groups.Values.SelectMany(g => g.Keys).Where(k => !k.All(char.IsDigit)).Distinct().ToArray();
    }
}
