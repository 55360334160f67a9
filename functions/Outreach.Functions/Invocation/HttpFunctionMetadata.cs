namespace Outreach.Functions.Invocation;

/// <summary>Marks an endpoint as the HTTP function <see cref="Name"/>, so the start-up check can pair it with its function.json.</summary>
internal sealed record HttpFunctionMetadata(string Name);
