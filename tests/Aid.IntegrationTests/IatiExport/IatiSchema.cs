using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Xunit;

namespace Aid.IntegrationTests.IatiExport;

/// <summary>The IATI 2.03 activity schema (copied to the test output from deploy/reference-data).</summary>
public static class IatiSchema
{
    private static readonly Lazy<XmlSchemaSet> Set = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, Path.Combine(AppContext.BaseDirectory, "iati-schema-2.03", "iati-activities-schema.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>Every schema error and warning in the document (empty: valid).</summary>
    public static IReadOnlyList<string> Problems(string xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Set.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return problems;
    }

    /// <summary>Fails on any schema error or warning; returns the parsed document.</summary>
    public static XDocument Valid(string xml)
    {
        var problems = Problems(xml);
        Assert.True(problems.Count == 0, "IATI 2.03 schema: " + string.Join(Environment.NewLine, problems) + Environment.NewLine + xml);
        return XDocument.Parse(xml);
    }

    public static async Task<XDocument> ValidExport(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return Valid(body);
    }

    public static readonly XNamespace Xml = XNamespace.Xml;

    /// <summary>The narratives of an element, by language (the activity's default, vi, when none is given).</summary>
    public static IReadOnlyDictionary<string, string> Narratives(XElement element) =>
        element.Elements("narrative").ToDictionary(n => (string?)n.Attribute(Xml + "lang") ?? "vi", n => n.Value);
}
