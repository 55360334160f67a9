using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Invocation;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Isolation;

/// <summary>
/// Every HTTP function the app ships, from both places that define one: the <c>functions/*/function.json</c> folders
/// (an <c>httpTrigger</c> binding) and the handler's endpoints (their <see cref="HttpFunctionMetadata"/>).
/// </summary>
internal static class HttpFunctionCatalog
{
    /// <summary>The shipped functions with an HTTP trigger, by folder name.</summary>
    public static IReadOnlySet<string> FromFunctionJson() =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "functions"))
            .Where(folder => File.Exists(Path.Combine(folder, "function.json")) && IsHttpTriggered(Path.Combine(folder, "function.json")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The functions the running handler maps as endpoints.</summary>
    public static IReadOnlySet<string> FromEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<HttpFunctionMetadata>()?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static bool IsHttpTriggered(string functionJson)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(functionJson));
        return document.RootElement.GetProperty("bindings").EnumerateArray()
            .Any(binding => binding.GetProperty("type").GetString() == "httpTrigger");
    }
}
