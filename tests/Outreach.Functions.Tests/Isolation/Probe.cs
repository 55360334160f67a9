using System.Net;

namespace Outreach.Functions.Tests.Isolation;

/// <summary>
/// One request of the isolation walk. <see cref="Path"/> and <see cref="Body"/> name resources by token
/// (<c>{contact}</c>, <c>{owner}</c>, ...); the walk sends it once with owner B's ids and once with missing look-alike ids,
/// and both must answer <see cref="Expected"/> the same way.
/// </summary>
internal sealed record Probe(HttpMethod Method, string Path, HttpStatusCode Expected, string? Body = null, string ContentType = "application/json")
{
    public static Probe Get(string path, HttpStatusCode expected = HttpStatusCode.NotFound) => new(HttpMethod.Get, path, expected);

    public static Probe Delete(string path) => new(HttpMethod.Delete, path, HttpStatusCode.NotFound);

    public static Probe Post(string path, string? body, HttpStatusCode expected = HttpStatusCode.NotFound) => new(HttpMethod.Post, path, expected, body);

    public static Probe Put(string path, string body) => new(HttpMethod.Put, path, HttpStatusCode.NotFound, body);

    public override string ToString() => $"{Method} {Path}";
}
