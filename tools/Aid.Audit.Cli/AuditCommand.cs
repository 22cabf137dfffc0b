using System.Globalization;
using System.Text.Json;

namespace Aid.Audit.Cli;

/// <summary>The verbs of aid-audit; runs against any <see cref="AuditClient"/> (the tests hand it in-process services).</summary>
public static class AuditCommand
{
    public const int Ok = 0, Defect = 1, Usage = 2, RequestFailed = 3;

    public const string Help = """
        aid-audit — the auditors' tool (Thanh tra, Kiểm toán nhà nước)
          timeline <dossier id | receipt code> [--json]      every event of the dossier in every service, in order
          as-of <dossier|receipt> <ISO-8601 instant | version>   its state in every service then (JSON)
          verify [--dossier X | --service S | --all]          check the hash chains (and checkpoints); exit 1 if broken
          rebuild [--service S]                               rebuild every read model from events and compare; exit 1 on a difference
          export <dossier|receipt> --format jsonl|csv --out FILE   complete history with its verification result
        Options: --token T (or AID_AUDIT_TOKEN; otherwise the development issuer's --user, default auditor),
        AID_REGISTRATION_URL, AID_SECURITY_URL, AID_APPRAISAL_URL, AID_MONITORING_URL (default 127.0.0.1:5101-5104).
        """;

    private static readonly JsonSerializerOptions Indented = new(HistoryFile.Json) { WriteIndented = true };

    public static async Task<int> RunAsync(CommandLine line, AuditClient client, TextWriter output, CancellationToken ct = default)
    {
        try
        {
            return line.Verb switch
            {
                "timeline" when line.Argument(1) is { } d => await TimelineAsync(client, d, line.Has("json"), output, ct),
                "as-of" when line.Argument(1) is { } d && line.Argument(2) is { } p => await AsOfAsync(client, d, p, output, ct),
                "verify" => await VerifyAsync(client, line, output, ct),
                "rebuild" => await RebuildAsync(client, line.Value("service"), output, ct),
                "export" when line.Argument(1) is { } d && line.Value("out") is { } file =>
                    await ExportAsync(client, d, line.Value("format") ?? "jsonl", file, output, ct),
                _ => ShowHelp(output),
            };
        }
        catch (AuditRequestFailed e)
        {
            await output.WriteLineAsync($"aid-audit: {e.Message}");
            return RequestFailed;
        }
        catch (ArgumentException e)
        {
            await output.WriteLineAsync($"aid-audit: {e.Message}");
            return Usage;
        }
    }

    private static int ShowHelp(TextWriter output)
    {
        output.WriteLine(Help);
        return Usage;
    }

    private static async Task<int> TimelineAsync(AuditClient client, string dossier, bool json, TextWriter output, CancellationToken ct)
    {
        var events = await client.TimelineAsync(await client.FindDossierAsync(dossier, ct), ct);
        if (json)
            await output.WriteLineAsync(JsonSerializer.Serialize(events, Indented));
        else
            foreach (var e in events)
                await output.WriteLineAsync(string.Join("  ",
                    e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                    $"{e.Service,-12}", $"v{e.Version,-3}", $"#{e.Sequence,-6}", $"{e.EventType,-32}",
                    $"{e.User ?? "-"} ({e.Agency ?? "-"})", $"correlation={e.CorrelationId ?? "-"}",
                    $"causation={e.CausationId ?? "-"}", e.Redacted ? (e.Payload is null ? "[payload withheld]" : "[payload redacted]") : ""));
        return Ok;
    }

    private static async Task<int> AsOfAsync(AuditClient client, string dossier, string point, TextWriter output, CancellationToken ct)
    {
        var id = await client.FindDossierAsync(dossier, ct);
        var states = long.TryParse(point, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? await client.AsOfAsync(id, null, version, ct)
            : DateTimeOffset.TryParse(point, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? await client.AsOfAsync(id, at, null, ct)
                : throw new ArgumentException($"'{point}' is neither an ISO-8601 instant nor a version number.");
        await output.WriteLineAsync(JsonSerializer.Serialize(states, Indented));
        return Ok;
    }

    private static async Task<int> VerifyAsync(AuditClient client, CommandLine line, TextWriter output, CancellationToken ct)
    {
        Guid? dossier = line.Value("dossier") is { } d ? await client.FindDossierAsync(d, ct) : null;
        var reports = await client.VerifyAsync(dossier, line.Value("service"), ct);
        foreach (var r in reports)
            await output.WriteLineAsync(r.Intact
                ? $"{r.Service,-12} {r.Scope}: intact — {r.EventsChecked} events, {r.CheckpointsChecked} checkpoints, sealed up to #{r.SealedUpTo} of #{r.LatestSequence}"
                : $"{r.Service,-12} {r.Scope}: BROKEN at sequence #{r.FirstBreak!.Sequence} (stream {r.FirstBreak.StreamId?.ToString() ?? "-"}, version {r.FirstBreak.Version?.ToString(CultureInfo.InvariantCulture) ?? "-"}): {r.FirstBreak.Kind} — {r.FirstBreak.Detail}");
        return reports.All(r => r.Intact) ? Ok : Defect;
    }

    private static async Task<int> RebuildAsync(AuditClient client, string? service, TextWriter output, CancellationToken ct)
    {
        var reports = await client.RebuildAsync(service, ct);
        foreach (var r in reports)
        {
            await output.WriteLineAsync($"{r.Service,-12} {(r.Equal ? "equal" : "DIFFERENT")}: {r.EventsReplayed} events up to #{r.UpToSequence} replayed in {r.ElapsedMilliseconds} ms");
            foreach (var m in r.ReadModels)
                await output.WriteLineAsync($"  {m.ReadModel,-24} live {m.LiveDocuments}, rebuilt {m.RebuiltDocuments}, differences {m.Differences}");
            foreach (var d in r.Differences)
                await output.WriteLineAsync($"  DEFECT {d.ReadModel} {d.DocumentId}: {d.Kind}");
        }
        return reports.All(r => r.Equal) ? Ok : Defect;
    }

    private static async Task<int> ExportAsync(
        AuditClient client, string dossier, string format, string file, TextWriter output, CancellationToken ct)
    {
        if (format is not ("jsonl" or "csv"))
            throw new ArgumentException($"Unknown format '{format}' (jsonl or csv).");
        var history = await client.ExportAsync(await client.FindDossierAsync(dossier, ct), ct);
        await using (var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false)))
            HistoryFile.Write(history, format, writer);
        await output.WriteLineAsync($"{history.Events.Count} events written to {file}; verification: {(history.Intact ? "intact" : "BROKEN")}");
        return history.Intact ? Ok : Defect;
    }
}
