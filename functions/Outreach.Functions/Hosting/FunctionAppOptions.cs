namespace Outreach.Functions.Hosting;

/// <summary>Where the app root is when the Functions host does not say (section <c>FunctionApp</c>).</summary>
internal sealed class FunctionAppOptions
{
    public const string SectionName = "FunctionApp";

    /// <summary>The folder with host.json and the function folders; relative paths are from the content root. Empty: search.</summary>
    public string? AppRootPath { get; set; }
}
