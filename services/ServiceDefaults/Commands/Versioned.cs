using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Aid.ServiceDefaults.Commands;

/// <summary>
/// A record as of one version of its stream: the body, with the version as ETag (the client sends it back as If-Match
/// on its next command, or If-None-Match on its next read). 201 with a location when a command created something,
/// 200 otherwise. Every command answer and every single-record read goes out through it.
/// </summary>
public sealed class Versioned<T>(T body, long version, string? location = null)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IEndpointMetadataProvider
{
    public T Value => body;
    public long Version => version;
    public int? StatusCode => location is null ? StatusCodes.Status200OK : StatusCodes.Status201Created;
    object? IValueHttpResult.Value => body;

    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.Headers.ETag = Versioned.Tag(version);
        return (location is null ? (IResult)TypedResults.Ok(body) : TypedResults.Created(location, body)).ExecuteAsync(http);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

public static class Versioned
{
    public static Versioned<T> Ok<T>(T body, long version) => new(body, version);

    public static Versioned<T> Created<T>(string location, T body, long version) => new(body, version, location);

    /// <summary>The ETag of a stream version: "7".</summary>
    public static string Tag(long version) => $"\"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";
}
