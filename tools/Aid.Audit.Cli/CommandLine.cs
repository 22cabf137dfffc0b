namespace Aid.Audit.Cli;

/// <summary>Positional arguments and --name value / --flag options.</summary>
public sealed record CommandLine(IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?> Options)
{
    private static readonly HashSet<string> Flags = ["all", "json", "help"];

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string?>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { positional.Add(args[i]); continue; }
            var name = args[i][2..];
            options[name] = Flags.Contains(name) || i + 1 >= args.Count ? null : args[++i];
        }
        return new CommandLine(positional, options);
    }

    public string? Verb => Arguments.Count > 0 ? Arguments[0] : null;

    public string? Argument(int index) => Arguments.Count > index ? Arguments[index] : null;

    public string? Value(string option) => Options.GetValueOrDefault(option);

    public bool Has(string option) => Options.ContainsKey(option);
}
