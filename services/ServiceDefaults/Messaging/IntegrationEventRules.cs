using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Aid.Contracts;

namespace Aid.ServiceDefaults.Messaging;

/// <summary>
/// What every integration event must satisfy, read from its declared shape: an event id; every non-nullable
/// property present (ids not empty, strings not null; a missing collection counts as empty, see VERSIONING.md); enum values defined; amounts not negative;
/// strings and lists of sane size; an end date not before its start date; dates within 1900–2200.
/// </summary>
public static class IntegrationEventRules
{
    public const int MaxStringLength = 4_000;
    public const int MaxReceiptCodeLength = 100;
    public const int MaxListLength = 1_000;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();
    private static readonly NullabilityInfoContext Nullability = new();

    public static IReadOnlyList<string> Broken(IIntegrationEvent message)
    {
        var broken = new List<string>();
        if (message.Metadata is null) broken.Add("Metadata is required");
        else if (message.Metadata.EventId == Guid.Empty) broken.Add("Metadata.EventId is required");

        foreach (var property in PropertiesOf(message.GetType()))
        {
            if (property.Name == nameof(IIntegrationEvent.Metadata)) continue;
            var value = property.GetValue(message);
            var name = property.Name;
            var required = IsRequired(property);
            switch (value)
            {
                case null when required && !IsCollection(property.PropertyType):
                    broken.Add($"{name} is required");
                    break;
                case Guid id when id == Guid.Empty && required:
                    broken.Add($"{name} is required");
                    break;
                case string text when name == "ReceiptCode" && (string.IsNullOrWhiteSpace(text) || text.Length > MaxReceiptCodeLength):
                    broken.Add($"{name} is required (at most {MaxReceiptCodeLength} characters)");
                    break;
                case string text when text.Length > MaxStringLength:
                    broken.Add($"{name} is longer than {MaxStringLength} characters");
                    break;
                case Enum e when !Enum.IsDefined(e.GetType(), e):
                    broken.Add($"{name} has an unknown value {Convert.ToInt64(e)}");
                    break;
                case decimal amount when amount < 0:
                    broken.Add($"{name} must not be negative");
                    break;
                case DateOnly date when date.Year is < 1900 or > 2200:
                    broken.Add($"{name} is out of range");
                    break;
                case IEnumerable list and not string:
                    var items = list.Cast<object?>().ToList();
                    if (items.Count > MaxListLength) broken.Add($"{name} has more than {MaxListLength} items");
                    if (items.Any(i => i is null or string { Length: > MaxStringLength }))
                        broken.Add($"{name} has an empty or over-long item");
                    break;
            }
        }
        if (Value(message, "StartDate") is DateOnly start && Value(message, "EndDate") is DateOnly end && end < start)
            broken.Add("EndDate is before StartDate");
        return broken;
    }

    private static PropertyInfo[] PropertiesOf(Type type) => Properties.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray());

    private static bool IsRequired(PropertyInfo property)
    {
        if (property.PropertyType.IsValueType)
            return Nullable.GetUnderlyingType(property.PropertyType) is null;
        lock (Nullability)
            return Nullability.Create(property).ReadState == NullabilityState.NotNull;
    }

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static object? Value(object message, string name) => message.GetType().GetProperty(name)?.GetValue(message);
}
