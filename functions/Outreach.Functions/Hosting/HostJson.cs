
namespace Outreach.Functions.Hosting;

/// <summary>
/// The parts of host.json this app reads. The Functions host reads the same file in Azure, and the local
/// runner takes its queue settings from here too, so retries and polling behave alike in both places.
/// </summary>
internal sealed class HostJson
{
    public string? Version { get; init; }

    public CustomHandlerSection? CustomHandler { get; init; }

    public ExtensionsSection Extensions { get; init; } = new();

    /// <summary>The host's limit for one invocation; the local runner gives its HTTP calls the same limit plus a minute, as the host does.</summary>
    public TimeSpan? FunctionTimeout { get; init; }

    internal sealed class CustomHandlerSection
    {
        public CustomHandlerDescription? Description { get; init; }

        public bool EnableForwardingHttpRequest { get; init; }
    }

    internal sealed class CustomHandlerDescription
    {
        public string? DefaultExecutablePath { get; init; }
    }

    internal sealed class ExtensionsSection
    {
        public QueuesSection Queues { get; init; } = new();

        public HttpSection Http { get; init; } = new();
    }

    internal sealed class HttpSection
    {
        public string RoutePrefix { get; init; } = "api";
    }
}
