using System.Globalization;

namespace Aid.Contracts.Desks;

/// <summary>A text in Vietnamese and in English; it reads in the current UI language.</summary>
public sealed record Label(string Vi, string En)
{
    public override string ToString() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? En : Vi;
}

/// <summary>One public step of a dossier's timeline: when, what (its code and its label) and the agency that acted.</summary>
public sealed record PublicStep(DateTimeOffset At, string Step, Label Label, string? AgencyCode);
