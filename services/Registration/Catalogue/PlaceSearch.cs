using Aid.Domain.Text;

namespace Aid.Registration.Catalogue;

/// <summary>Finding a commune or ward by part of its name, with or without Vietnamese diacritics ("tan phong" finds "Tân Phong").</summary>
public static class PlaceSearch
{
    public static bool Matches(string place, string query) =>
        query.Length == 0 || Fold(place).Contains(Fold(query), StringComparison.Ordinal);

    public static string Fold(string text) =>
        string.Join(' ', VietnameseText.WithoutDiacritics(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
