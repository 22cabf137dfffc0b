using System.Collections;
using System.Reflection;
using System.Text.Json;
using Aid.Contracts.Desks;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.Desks;

/// <summary>
/// Each service's OpenAPI document describes its queue, statistics and desk view answers as the shared desk records: the
/// same property names with the same JSON types, nested records included. A field renamed or retyped on either side fails.
/// </summary>
public sealed class DeskOpenApiTests(AidSystem system) : IClassFixture<AidSystem>
{
    public static readonly TheoryData<string, string, string> Answers = new()
    {
        { "registration", "/dossiers/queue", nameof(QueuePage<WorkItem>) },
        { "registration", "/dossiers/statistics", nameof(StageStatistics) },
        { "security", "/security-reviews/queue", nameof(QueuePage<WorkItem>) },
        { "security", "/security-reviews/statistics", nameof(StageStatistics) },
        { "appraisal", "/appraisals/queue", nameof(QueuePage<WorkItem>) },
        { "appraisal", "/appraisals/statistics", nameof(StageStatistics) },
        { "appraisal", "/decisions/queue", nameof(QueuePage<WorkItem>) },
        { "appraisal", "/decisions/statistics", nameof(StageStatistics) },
        { "monitoring", "/projects/queue", nameof(QueuePage<WorkItem>) },
        { "monitoring", "/projects/statistics", nameof(StageStatistics) },
        { "registration", "/dossiers/{id}/intake", nameof(IntakeDossierView) },
        { "security", "/security-reviews/{id}", nameof(SecurityReviewView) },
        { "monitoring", "/projects/{id}", nameof(ProjectDeskView) },
        { "appraisal", "/appraisals/{id}", nameof(AppraisalDeskView) },
    };

    private static readonly Dictionary<string, Type> Records = new[]
    {
        typeof(QueuePage<WorkItem>), typeof(StageStatistics), typeof(IntakeDossierView), typeof(SecurityReviewView),
        typeof(AppraisalDeskView), typeof(ProjectDeskView),
    }.ToDictionary(t => t.IsGenericType ? t.Name[..t.Name.IndexOf('`')] : t.Name);

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task The_answer_is_described_as_the_shared_record(string service, string path, string record)
    {
        using var auditor = system.Service(service).ClientAs("auditor");
        var document = JsonDocument.Parse(await auditor.GetStringAsync("/openapi/v1.json")).RootElement;
        var schema = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        new SchemaCheck(document).Record(schema, Records[record], $"{service} {path}");
    }

    [Fact]
    public void A_renamed_field_fails_the_check()
    {
        var document = JsonDocument.Parse("""
            { "components": { "schemas": { "Counts": { "type": "object", "properties": {
              "onTime": { "type": "integer" }, "late": { "type": "integer" }, "count": { "type": "integer" } } } } } }
            """).RootElement;
        var schema = JsonDocument.Parse("""{ "$ref": "#/components/schemas/Counts" }""").RootElement;
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => new SchemaCheck(document).Record(schema, typeof(CompletedCounts), "renamed"));
    }

    private sealed class SchemaCheck(JsonElement document)
    {
        public void Record(JsonElement schema, Type type, string at)
        {
            schema = Resolve(schema);
            var expected = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType);
            var described = schema.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value)
                : [];
            Assert.True(expected.Keys.Order().SequenceEqual(described.Keys.Order()),
                $"{at} ({type.Name}): the record has [{string.Join(", ", expected.Keys.Order())}], the document [{string.Join(", ", described.Keys.Order())}]");
            foreach (var (name, propertyType) in expected)
                Value(described[name], propertyType, $"{at}.{name}");
        }

        private void Value(JsonElement schema, Type type, string at)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            schema = Resolve(schema);
            var kind = Kind(type);
            var types = Types(schema);
            Assert.True(types.Contains(kind) || (kind == "string" && schema.TryGetProperty("enum", out _)),
                $"{at}: the record has {type.Name} ({kind}), the document [{string.Join(", ", types)}]");
            if (kind == "array")
                Value(schema.GetProperty("items"), ElementOf(type), $"{at}[]");
            else if (kind == "object" && !IsDictionary(type))
                Record(schema, type, at);
            if (type.IsEnum && schema.TryGetProperty("enum", out var values))
                Assert.Equal(Enum.GetNames(type).Order(), values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String)
                    .Select(v => v.GetString()!).Order());
        }

        /// <summary>Follows a $ref, also inside the oneOf/anyOf/allOf a nullable reference is written as.</summary>
        private JsonElement Resolve(JsonElement schema)
        {
            if (schema.TryGetProperty("$ref", out var reference))
                return Resolve(document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]));
            foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
                if (schema.TryGetProperty(combinator, out var options)
                    && options.EnumerateArray().FirstOrDefault(o => !Types(o).SequenceEqual(["null"])) is { ValueKind: JsonValueKind.Object } option)
                    return Resolve(option);
            return schema;
        }

        private static IReadOnlyList<string> Types(JsonElement schema) =>
            !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [type.GetString()!];

        private static string Kind(Type type) =>
            type == typeof(string) || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type.IsEnum ? "string"
            : type == typeof(int) || type == typeof(long) ? "integer"
            : type == typeof(double) || type == typeof(decimal) ? "number"
            : type == typeof(bool) ? "boolean"
            : IsDictionary(type) ? "object"
            : typeof(IEnumerable).IsAssignableFrom(type) ? "array"
            : "object";

        private static bool IsDictionary(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyDictionary<,>) || d == typeof(Dictionary<,>));

        private static Type ElementOf(Type type) =>
            type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
    }
}
