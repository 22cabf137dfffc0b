using System.Globalization;
using System.Text;
using Aid.Benchmark.Ceilings;
using Aid.Benchmark.Driving;
using Aid.Benchmark.Measuring;

namespace Aid.Benchmark;

public sealed record FlowFigures(
    double Rate, int Started, int Completed, int Failed, int Shed, double WindowSeconds, double DrainSeconds,
    double CommandsPerSecond, Summary Commands, double EventsPerSecond, double IntegrationEventsPerSecond,
    double PollsPerSecond, Summary Polls,
    IReadOnlyDictionary<string, Summary> ByCommand, IReadOnlyDictionary<string, Summary> SinceSubmission,
    IReadOnlyDictionary<string, Summary> HandOver, IReadOnlyList<ProcessSampler.Usage> Usage, double MachineBusy,
    double CpuMsPerDossier, IReadOnlyList<string> FirstFailures)
{
    public double WorstHandOverP99 => HandOver.Values.Where(h => h.Count > 0).Select(h => h.P99).DefaultIfEmpty(double.NaN).Max();

    /// <summary>Every dossier through, none shed, every hand-over's p99 under a second.</summary>
    public bool UnderOneSecond => Failed == 0 && Shed == 0 && Completed > 0 && WorstHandOverP99 < 1000;
}

/// <summary>The figures table: every figure with its ratio to this machine's ceiling and the issue's targets.</summary>
public sealed class Report(Options options)
{
    public CeilingResult? MartenCeiling { get; set; }
    public CeilingResult? RabbitCeiling { get; set; }
    public Summary? Lookups { get; set; }
    public double LookupSeconds { get; set; }
    public FlowFigures? Flow { get; set; }
    public List<(double Rate, FlowFigures Figures)> Steps { get; } = [];
    public ProcessSampler.Sampled? Idle { get; set; }

    private readonly StringBuilder text = new();

    public string Render()
    {
        Line($"Aid benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, " +
             $"rate {F(options.Rate)} dossiers/s for {options.Duration} s, lookups {F(options.Lookups)}/s for {options.LookupDuration} s, " +
             $"officers look at the status view every {options.PollMs} ms");
        Line("");
        Line("Ceilings of this machine (same run, services idle)");
        if (MartenCeiling is { } m)
            Line($"  plain Marten append loop      {F(m.PerSecond),9} appends/s   (1 event per transaction, {options.CeilingWriters} writers; latency {L(m.Latency)})");
        if (RabbitCeiling is { } r)
            Line($"  plain RabbitMQ loop           {F(r.PerSecond),9} messages/s  (quorum queue, confirms, {options.CeilingWriters} publishers, 1 consumer; publish {L(r.Latency)})");
        if (Idle is { } idle)
        {
            Line("");
            Line($"At rest ({F(idle.Seconds)} s, nothing driven; CPU in cores)");
            foreach (var u in idle.Groups) Line($"    {u.Name,-16} CPU {u.CpuCores:0.000}");
            Line($"    the system (services, PostgreSQL, RabbitMQ) {IdleShare(idle):P1} of the machine");
        }
        if (Lookups is { } lookups)
        {
            Line("");
            Line("Status lookups alone (GET /dossiers/{id}/status as the NGO)");
            Line($"  {F(lookups.Count / LookupSeconds),9} lookups/s (asked {F(options.Lookups)}/s)   latency {L(lookups)}   errors {lookups.Failures}");
        }
        if (Flow is { } f)
        {
            Line("");
            Line($"Dossier flow ({F(f.WindowSeconds)} s at {F(options.Rate)}/s, then {F(f.DrainSeconds)} s for those in flight to finish)");
            Line($"  dossiers started {f.Started}, reached approval and monitoring {f.Completed}, failed {f.Failed}, shed {f.Shed}");
            Line($"  accepted commands  {F(f.CommandsPerSecond),9} /s   latency {L(f.Commands)}   refused/failed {f.Commands.Failures}" +
                 Ratio(f.CommandsPerSecond, MartenCeiling?.PerSecond, "of the Marten append ceiling"));
            Line($"  events appended    {F(f.EventsPerSecond),9} /s" + Ratio(f.EventsPerSecond, MartenCeiling?.PerSecond, "of the Marten append ceiling"));
            Line($"  integration events {F(f.IntegrationEventsPerSecond),9} /s handled by consumers" +
                 Ratio(f.IntegrationEventsPerSecond, RabbitCeiling?.PerSecond, "of the RabbitMQ ceiling"));
            Line($"  status lookups     {F(f.PollsPerSecond),9} /s by the waiting flows (lookups under load)   latency {L(f.Polls)}   errors {f.Polls.Failures}");
            Line("  per command (latency ms):");
            foreach (var (name, s) in f.ByCommand.OrderBy(c => c.Key)) Line($"    {name,-18} {L(s)}   failed {s.Failures}");
            Line("  visible in the NGO status view (ms, from Registration's event store): since submission | since the command that caused it");
            foreach (var milestone in DossierFlow.Milestones)
                if (f.SinceSubmission.TryGetValue(milestone.Name, out var since) && f.HandOver.TryGetValue(milestone.Name, out var hand))
                    Line($"    {milestone.Name,-18} p50 {F(since.P50),7} p99 {F(since.P99),7} | p50 {F(hand.P50),7} p95 {F(hand.P95),7} p99 {F(hand.P99),7} (n {hand.Count})");
            Line("  processes during the flow (memory of the services sampled each second; CPU in cores):");
            foreach (var u in f.Usage)
                Line($"    {u.Name,-16} " + (double.IsNaN(u.MaxRssMb) ? new string(' ', 30) : $"RSS max {F(u.MaxRssMb),6} MB mean {F(u.MeanRssMb),6} MB ") + $"CPU {u.CpuCores:0.00}");
            Line($"    machine busy {f.MachineBusy:P0} of {Environment.ProcessorCount} cores");
            Line($"  CPU per dossier through every stage (services, PostgreSQL, RabbitMQ; flow and drain): {F(f.CpuMsPerDossier)} ms");
            foreach (var failure in f.FirstFailures) Line($"  failure: {failure}");

            Line("");
            Line("Targets");
            if (Lookups is { } l)
                Target("status lookups p99 < 10 ms at 1,000/s", l.P99 < 10 && l.Count / LookupSeconds >= 950 && options.Lookups >= 1000,
                    $"p99 {F(l.P99)} ms at {F(l.Count / LookupSeconds)}/s");
            var handOvers = f.HandOver.Values.Where(h => h.Count > 0).ToList();
            var worst = handOvers.Count == 0 ? double.NaN : handOvers.Max(h => h.P99);
            Target("submission-to-status-visible p99 < 500 ms at 100 dossiers/s for 5 min",
                worst < 500 && options.Rate >= 100 && options.Duration >= 300 && f.Failed == 0,
                $"worst hand-over p99 {F(worst)} ms at {F(options.Rate)}/s for {options.Duration} s, {f.Failed} failed");
            if (MartenCeiling is { } mc)
                Target("command throughput >= 50% of the Marten append ceiling", f.CommandsPerSecond >= mc.PerSecond / 2,
                    $"{F(f.CommandsPerSecond)} vs {F(mc.PerSecond)}/s = {f.CommandsPerSecond / mc.PerSecond:P0}");
            Target("CPU per dossier, whole stack, submission to monitoring <= 60 ms", f.CpuMsPerDossier <= 60,
                $"{F(f.CpuMsPerDossier)} ms");
            var services = f.Usage.Where(u => !double.IsNaN(u.MaxRssMb)).ToList();
            if (services.Count > 0)
                Target("memory per service under load < 250 MB", services.All(u => u.MaxRssMb < 250),
                    string.Join(", ", services.Select(u => $"{u.Name} {F(u.MaxRssMb)} MB")));
        }
        if (Steps.Count > 0)
        {
            Line("");
            Line($"Step mode ({options.StepSeconds} s per step, from {F(options.Rate)}/s by {F(options.StepBy)}/s): worst hand-over p99 per rate");
            foreach (var (rate, step) in Steps)
                Line($"  {F(rate),6}/s  worst p99 {F(step.WorstHandOverP99),7} ms  completed {step.Completed,5}  failed {step.Failed}  shed {step.Shed}  " +
                     $"machine busy {step.MachineBusy:P0}  CPU per dossier {F(step.CpuMsPerDossier)} ms");
            var knee = Steps.Where(s => s.Figures.UnderOneSecond).Select(s => s.Rate).DefaultIfEmpty(0).Max();
            Line($"  knee: {F(knee)} dossiers/s" + (Steps[^1].Figures.UnderOneSecond ? $" (still under 1 s at --step-max {F(options.StepMax)})" : ""));
            Target("sustained rate with every hand-over p99 < 1 s (the knee) >= 30 dossiers/s", knee >= 30, $"{F(knee)} dossiers/s");
        }
        if (Idle is { } rest)
            Target("idle CPU of the whole system < 2% of the machine", IdleShare(rest) < 0.02, $"{IdleShare(rest):P1}");
        return text.ToString();
    }

    private static double IdleShare(ProcessSampler.Sampled idle) => idle.SystemCores / Environment.ProcessorCount;

    private void Target(string what, bool met, string figures) => Line($"  [{(met ? "met" : "NOT met")}] {what}: {figures}");

    private static string Ratio(double value, double? ceiling, string of) =>
        ceiling is > 0 ? $"   = {value / ceiling.Value:P0} {of}" : "";

    private static string L(Summary s) => $"p50 {F(s.P50)} p95 {F(s.P95)} p99 {F(s.P99)} max {F(s.Max)}";

    private static string F(double v) =>
        double.IsNaN(v) ? "-" : v.ToString(v >= 100 ? "0" : v >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    private void Line(string line) => text.AppendLine(line);
}
