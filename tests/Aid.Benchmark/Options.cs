using System.Globalization;

namespace Aid.Benchmark;

/// <summary>Command-line options (deploy/bench passes them through; --help lists them).</summary>
public sealed record Options
{
    public int[] Ports { get; init; } = [5101, 5102, 5103, 5104];
    public string Postgres { get; init; } = "Host=127.0.0.1;Port=55432;Database=aid;Username=aid;Password=aid";
    public string RabbitMq { get; init; } = "amqp://aid:aid@127.0.0.1:55672/aid";
    public double Rate { get; init; } = 10;
    public int Duration { get; init; } = 60;
    public double Lookups { get; init; } = 1000;
    public int LookupDuration { get; init; } = 20;
    public int Ngos { get; init; } = 50;
    public int PollMs { get; init; } = 200;
    public int CeilingSeconds { get; init; } = 15;
    public int IdleSeconds { get; init; } = 30;
    public int CeilingWriters { get; init; } = 16;
    public int MaxInFlight { get; init; } = 300;
    public double StepBy { get; init; }
    public int StepSeconds { get; init; } = 30;
    public double StepMax { get; init; } = 60;
    public Dictionary<string, int> Pids { get; init; } = [];
    public string? Out { get; init; }

    public const string Help = """
        Aid.Benchmark: drives the running services over HTTP and measures them against this machine's ceilings.
          --ports R,S,A,M         service ports (default 5101,5102,5103,5104)
          --postgres CS           a scratch database for the ceilings; each service's own is it + _<service> (event counts)
          --rabbitmq URI          the services' broker (the publish/consume ceiling runs in a scratch queue there)
          --rate N                dossiers submitted per second in the flow phase (default 10)
          --duration S            length of the flow phase in seconds (default 60)
          --lookups N             status lookups per second in the lookup phase (default 1000; 0 skips it)
          --lookup-duration S     length of the lookup phase (default 20)
          --ngos N                NGOs registered before the run; dossiers are spread over them (default 50)
          --poll-ms N             how often a waiting officer looks at the status view before the next step (default 200)
          --ceiling-seconds S     length of each ceiling loop (default 15; 0 skips the ceilings)
          --ceiling-writers N     concurrent writers / publishers in the ceiling loops (default 16)
          --idle-seconds S        length of the idle phase: the system's CPU at rest, nothing driven (default 30; 0 skips it)
          --step-by N             step mode: flows of --step-seconds from --rate, raised by N until a hand-over's p99
                                  passes 1 s (or a dossier fails or is shed); reports each step and the knee (default 0: off)
          --step-seconds S        length of each step (default 30)
          --step-max N            the highest rate tried (default 60)
          --max-in-flight N       dossiers in flight at most; arrivals beyond are counted as shed (default 300)
          --pids Name=pid,...     service processes whose memory and CPU are sampled
          --out FILE              also write the report to FILE
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--ports" => o with { Ports = [.. Next().Split(',').Select(int.Parse)] },
                "--postgres" => o with { Postgres = Next() },
                "--rabbitmq" => o with { RabbitMq = Next() },
                "--rate" => o with { Rate = Number() },
                "--duration" => o with { Duration = (int)Number() },
                "--lookups" => o with { Lookups = Number() },
                "--lookup-duration" => o with { LookupDuration = (int)Number() },
                "--ngos" => o with { Ngos = (int)Number() },
                "--poll-ms" => o with { PollMs = (int)Number() },
                "--ceiling-seconds" => o with { CeilingSeconds = (int)Number() },
                "--ceiling-writers" => o with { CeilingWriters = (int)Number() },
                "--idle-seconds" => o with { IdleSeconds = (int)Number() },
                "--step-by" => o with { StepBy = Number() },
                "--step-seconds" => o with { StepSeconds = (int)Number() },
                "--step-max" => o with { StepMax = Number() },
                "--max-in-flight" => o with { MaxInFlight = (int)Number() },
                "--pids" => o with
                {
                    Pids = Next().Split(',', StringSplitOptions.RemoveEmptyEntries)
                        .Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1])),
                },
                "--out" => o with { Out = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (o.Ports.Length != 4) throw new ArgumentException("--ports needs four ports");
        return o;
    }
}
