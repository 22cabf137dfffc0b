namespace Aid.Domain.Rules;

/// <summary>A text users read, in Vietnamese and English.</summary>
public sealed record Bilingual(string Vi, string En)
{
    public override string ToString() => En;
}
