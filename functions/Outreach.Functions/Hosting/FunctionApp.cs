namespace Outreach.Functions.Hosting;

/// <summary>The app as the Functions host sees it: the app root, its host.json and every function folder.</summary>
internal sealed record FunctionApp(string RootPath, HostJson Host, IReadOnlyList<FunctionDefinition> Functions)
{
    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
