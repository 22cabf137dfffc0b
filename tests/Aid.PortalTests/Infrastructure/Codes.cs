using System.Text.Json;

namespace Aid.PortalTests.Infrastructure;

/// <summary>The portal's code label catalogue (services/Portal/Labels/codes.json, linked into the test output).</summary>
public static class Codes
{
    private static readonly Dictionary<string, Dictionary<string, string[]>> Groups = Load();

    /// <summary>Every code that is a word, not a number: none may be shown as it is on a Vietnamese page.</summary>
    public static readonly string[] Words = Groups.Values.SelectMany(g => g.Keys).Where(k => !k.All(char.IsDigit)).Distinct().ToArray();

    /// <summary>
    /// The codes that are not English as people write it: words run together ("ClearedWithConditions",
    /// "DefenceBorder"). A one-word code ("Open", "Low") reads as English on an English page, so it is not listed.
    /// </summary>
    public static readonly string[] EnglishWords = Words
        .Where(code => code.Skip(1).Any(char.IsUpper) && code.Any(char.IsLower))
        .Except(Groups.Values.SelectMany(g => g.Values).SelectMany(label => label[1].Split(' ', '(', ')', ',', '/')))
        .ToArray();

    private static Dictionary<string, Dictionary<string, string[]>> Load()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "codes.json"));
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string[]>>>(file)!;
    }
}
