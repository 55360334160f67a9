namespace Outreach.Functions.Hosting;

/// <summary>
/// A mapped endpoint that claims to be an HTTP function: its full route pattern (e.g. <c>/api/health</c>) and its
/// upper-case HTTP methods (empty for any).
/// </summary>
internal sealed record HttpFunctionEndpoint(string Name, string DisplayName, string Route, IReadOnlyCollection<string> Methods);
