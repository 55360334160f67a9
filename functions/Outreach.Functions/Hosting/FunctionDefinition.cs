namespace Outreach.Functions.Hosting;

/// <summary>One function folder: its name (the folder name, which is also the invocation path) and its bindings.</summary>
internal sealed record FunctionDefinition(string Name, string FunctionJsonPath, IReadOnlyList<BindingDefinition> Bindings)
{
    /// <summary>The single trigger binding; the loader rejects a function.json without exactly one.</summary>
    public BindingDefinition Trigger => Bindings.Single(b => b.IsTrigger);

    public IEnumerable<BindingDefinition> Outputs => Bindings.Where(b => b.IsOutput);

    /// <summary>
    /// The host forwards the raw HTTP request only to functions with exactly one httpTrigger and one http output
    /// (azure-functions-host FunctionMetadataExtensions.IsHttpInAndOutFunction); others get the JSON envelope.
    /// </summary>
    public bool IsForwardedHttp =>
        Bindings.Count == 2 && Trigger.Is(BindingTypes.HttpTrigger) && Bindings.Any(b => b.IsOutput && b.Is(BindingTypes.Http));
}
