namespace Outreach.Functions.Hosting;

/// <summary>The variables the Functions host gives the handler process (azure-functions-host HttpWorkerConstants).</summary>
internal static class FunctionHostEnvironment
{
    /// <summary>The port to listen on (127.0.0.1); set only when a Functions host runs the handler.</summary>
    public const string CustomHandlerPort = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public const string AppRootPath = "FUNCTIONS_APP_ROOT_PATH";

    public static int? Port(IConfiguration configuration) =>
        int.TryParse(configuration[CustomHandlerPort], System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : null;

    /// <summary>
    /// The app root: as the host sets it, else the configured path, else the nearest folder holding host.json at or
    /// above the content root (the repository root during development).
    /// </summary>
    public static string LocateAppRoot(IConfiguration configuration, FunctionAppOptions options, string contentRoot)
    {
        if (configuration[AppRootPath] is { Length: > 0 } fromHost)
        {
            return Path.GetFullPath(fromHost);
        }

        if (options.AppRootPath is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, FunctionAppLoader.HostJsonFileName)))
            {
                return folder.FullName;
            }
        }

        throw new FunctionAppConfigurationException(
            $"No {FunctionAppLoader.HostJsonFileName} at or above {contentRoot}; set {AppRootPath} or {FunctionAppOptions.SectionName}:AppRootPath.");
    }
}
