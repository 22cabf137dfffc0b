using Aid.Domain.Calendar;

namespace Aid.Appraisal.Deadlines;

/// <summary>Due dates in working days, from the configured stage deadlines of the dossier's aid kind.</summary>
public sealed class DeadlinePlanner(WorkingCalendar calendar, StageDeadlines deadlines)
{
    public WorkingCalendar Calendar => calendar;

    public DateOnly Due(DateOnly start, string aidKind, params Stage[] stages) =>
        calendar.AddWorkingDays(start, stages.Sum(stage => deadlines.WorkingDaysFor(aidKind, stage)));
}
