using System.Globalization;

namespace Aid.Domain.Calendar;

/// <summary>
/// Civil servants' working days: Monday to Friday, less public holidays and official days off, plus the
/// Saturdays officially worked in exchange. The days are data (a CSV, reloaded when the file changes), so the
/// calendar of a new year is published without a rebuild.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly string? path;
    private DateTime loadedWrite;
    private HashSet<DateOnly> daysOff = [];
    private HashSet<DateOnly> workedSaturdays = [];
    private readonly Lock gate = new();

    private WorkingCalendar(string? path) => this.path = path;

    public static WorkingCalendar FromFile(string path)
    {
        var calendar = new WorkingCalendar(path);
        calendar.ReloadIfChanged();
        return calendar;
    }

    public static WorkingCalendar FromRows(IEnumerable<(DateOnly Date, string Kind)> rows)
    {
        var calendar = new WorkingCalendar(null);
        calendar.Apply(rows);
        return calendar;
    }

    public bool IsWorkingDay(DateOnly day)
    {
        ReloadIfChanged();
        if (workedSaturdays.Contains(day)) return true;
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        return !daysOff.Contains(day);
    }

    /// <summary>The day on which a period of <paramref name="workingDays"/> working days that starts on
    /// <paramref name="start"/> ends: the next working day counts as day one. A negative count goes back: the
    /// working day that lies that many working days before <paramref name="start"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = workingDays < 0 ? -1 : 1;
        var day = start;
        for (var counted = 0; counted < Math.Abs(workingDays);)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>
    /// (negative when <paramref name="to"/> is earlier).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    private void ReloadIfChanged()
    {
        if (path is null) return;
        var written = File.GetLastWriteTimeUtc(path);
        if (written == loadedWrite) return;
        lock (gate)
        {
            if (written == loadedWrite) return;
            Apply(Parse(File.ReadLines(path)));
            loadedWrite = written;
        }
    }

    private void Apply(IEnumerable<(DateOnly Date, string Kind)> rows)
    {
        var off = new HashSet<DateOnly>();
        var saturdays = new HashSet<DateOnly>();
        foreach (var (date, kind) in rows)
            (kind == "swapped_workday" ? saturdays : off).Add(date);
        daysOff = off;
        workedSaturdays = saturdays;
    }

    /// <summary>Columns: date (yyyy-MM-dd), name_vi, name_en, kind (holiday | compensatory | swapped_workday), ...</summary>
    public static IEnumerable<(DateOnly Date, string Kind)> Parse(IEnumerable<string> lines)
    {
        foreach (var line in lines.Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = SplitCsv(line);
            if (fields.Count < 4 || !DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new FormatException($"Bad days-off row: {line}");
            yield return (date, fields[3].Trim());
        }
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
