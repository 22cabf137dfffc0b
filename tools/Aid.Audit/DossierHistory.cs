using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Aid.Audit;

/// <summary>A dossier's complete history for an audit working paper: its events and how their verification came out.</summary>
public sealed record DossierHistory(Guid DossierId, IReadOnlyList<TimelineEntry> Events, IReadOnlyList<VerificationReport> Verification)
{
    public bool Intact => Verification.Count > 0 && Verification.All(v => v.Intact);
}

/// <summary>One line of an export: an event, or the verification result of one service.</summary>
public sealed record ExportLine(string Record, TimelineEntry? Event = null, VerificationReport? Verification = null)
{
    public const string EventRecord = "event";
    public const string VerificationRecord = "verification";
}

/// <summary>
/// The two export formats. JSON Lines: one <see cref="ExportLine"/> per line. CSV (RFC 4180, UTF-8): one row per
/// event with the payload as JSON in the last column, then one row per service whose payload is its verification report.
/// </summary>
public static class HistoryFile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] Columns =
    [
        "record", "service", "streamId", "version", "sequence", "timestamp", "eventType", "user", "agency", "role",
        "correlationId", "causationId", "redacted", "sealHash", "payload",
    ];

    public static void Write(DossierHistory history, string format, TextWriter writer)
    {
        if (format == "jsonl") WriteJsonLines(history, writer);
        else if (format == "csv") WriteCsv(history, writer);
        else throw new ArgumentException($"Unknown format '{format}' (jsonl or csv).", nameof(format));
    }

    public static DossierHistory Read(string format, TextReader reader) => format switch
    {
        "jsonl" => ReadJsonLines(reader),
        "csv" => ReadCsv(reader),
        _ => throw new ArgumentException($"Unknown format '{format}' (jsonl or csv).", nameof(format)),
    };

    public static void WriteJsonLines(DossierHistory history, TextWriter writer)
    {
        foreach (var e in history.Events)
            writer.WriteLine(JsonSerializer.Serialize(new ExportLine(ExportLine.EventRecord, Event: e), Json));
        foreach (var v in history.Verification)
            writer.WriteLine(JsonSerializer.Serialize(new ExportLine(ExportLine.VerificationRecord, Verification: v), Json));
    }

    public static DossierHistory ReadJsonLines(TextReader reader)
    {
        var lines = new List<ExportLine>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0)
                lines.Add(JsonSerializer.Deserialize<ExportLine>(line, Json) ?? throw new FormatException("Empty export line."));
        return FromLines(lines);
    }

    public static void WriteCsv(DossierHistory history, TextWriter writer)
    {
        writer.WriteLine(string.Join(',', Columns));
        foreach (var e in history.Events)
            WriteRow(writer,
            [
                ExportLine.EventRecord, e.Service, e.StreamId.ToString(), Invariant(e.Version), Invariant(e.Sequence),
                e.Timestamp.ToString("O", CultureInfo.InvariantCulture), e.EventType, e.User, e.Agency, e.Role,
                e.CorrelationId, e.CausationId, e.Redacted ? "true" : "false", e.SealHash,
                e.Payload is { } p ? p.GetRawText() : null,
            ]);
        foreach (var v in history.Verification)
            WriteRow(writer,
            [
                ExportLine.VerificationRecord, v.Service, null, null, null, null, null, null, null, null, null, null, null,
                null, JsonSerializer.Serialize(v, Json),
            ]);
    }

    public static DossierHistory ReadCsv(TextReader reader)
    {
        var rows = CsvRows(reader).ToList();
        if (rows.Count == 0 || !rows[0].SequenceEqual(Columns))
            throw new FormatException("Not an Aid history CSV (header row differs).");
        var lines = rows.Skip(1).Select(r => r[0] == ExportLine.VerificationRecord
            ? new ExportLine(r[0], Verification: JsonSerializer.Deserialize<VerificationReport>(r[14], Json))
            : new ExportLine(r[0], Event: new TimelineEntry(
                r[1], Guid.Parse(r[2]), long.Parse(r[3], CultureInfo.InvariantCulture), long.Parse(r[4], CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(r[5], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), r[6],
                NullIfEmpty(r[7]), NullIfEmpty(r[8]), NullIfEmpty(r[9]), NullIfEmpty(r[10]), NullIfEmpty(r[11]),
                r[14].Length == 0 ? null : JsonDocument.Parse(r[14]).RootElement.Clone(), r[12] == "true", NullIfEmpty(r[13]))));
        return FromLines(lines.ToList());
    }

    private static DossierHistory FromLines(List<ExportLine> lines)
    {
        var events = lines.Where(l => l.Record == ExportLine.EventRecord).Select(l => l.Event!).ToList();
        var verification = lines.Where(l => l.Record == ExportLine.VerificationRecord).Select(l => l.Verification!).ToList();
        return new DossierHistory(events.FirstOrDefault()?.StreamId ?? Guid.Empty, events, verification);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static void WriteRow(TextWriter writer, string?[] fields) =>
        writer.WriteLine(string.Join(',', fields.Select(Quote)));

    private static string Quote(string? field) =>
        field is null ? "" : field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : '"' + field.Replace("\"", "\"\"") + '"';

    /// <summary>RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static IEnumerable<List<string>> CsvRows(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (reader.Peek() == '"') field.Append((char)reader.Read());
                else quoted = false;
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n')
            {
                row.Add(field.ToString()); field.Clear();
                yield return row;
                row = [];
                any = false;
            }
            else field.Append(ch);
        }
        if (any) { row.Add(field.ToString()); yield return row; }
    }
}
