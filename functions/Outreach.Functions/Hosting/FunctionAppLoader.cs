using System.Text.Json;
using System.Text.RegularExpressions;

namespace Outreach.Functions.Hosting;

/// <summary>
/// Reads host.json and every <c>&lt;FunctionName&gt;/function.json</c> under the app root. Function folders sit
/// directly under the root in a published app (as the host expects) and under <c>functions/</c> in the repository.
/// </summary>
internal static partial class FunctionAppLoader
{
    public const string HostJsonFileName = "host.json";
    public const string FunctionJsonFileName = "function.json";

    /// <summary>The repository keeps function folders beside the handler's project, under this folder.</summary>
    public const string RepositoryFunctionsFolder = "functions";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <param name="rootPath">The app root (the folder holding host.json).</param>
    /// <param name="appSetting">Resolves <c>%Name%</c> app-setting references in queue names and schedules, as the host does.</param>
    public static FunctionApp Load(string rootPath, Func<string, string?> appSetting)
    {
        var host = LoadHostJson(Path.Combine(rootPath, HostJsonFileName));
        var functions = FunctionFolders(rootPath)
            .Select(folder => LoadFunction(folder, appSetting))
            .ToList();
        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FunctionAppConfigurationException(
                $"Function '{duplicate.Key}' is declared twice: {string.Join(" and ", duplicate.Select(f => f.FunctionJsonPath))}.");
        }

        return new FunctionApp(rootPath, host, functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList());
    }

    public static HostJson LoadHostJson(string path)
    {
        var host = Deserialize<HostJson>(path);
        var problems = new List<string>();
        if (host.Version != "2.0")
        {
            problems.Add($"version must be \"2.0\", not \"{host.Version}\"");
        }

        if (string.IsNullOrWhiteSpace(host.CustomHandler?.Description?.DefaultExecutablePath))
        {
            problems.Add("customHandler.description.defaultExecutablePath is required");
        }

        problems.AddRange(host.Extensions.Queues.Validate());
        if (problems.Count > 0)
        {
            throw new FunctionAppConfigurationException($"{path}: {string.Join("; ", problems)}.");
        }

        return host;
    }

    private static IEnumerable<string> FunctionFolders(string rootPath) =>
        new[] { rootPath, Path.Combine(rootPath, RepositoryFunctionsFolder) }
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Where(folder => File.Exists(Path.Combine(folder, FunctionJsonFileName)));

    private static FunctionDefinition LoadFunction(string folder, Func<string, string?> appSetting)
    {
        var path = Path.Combine(folder, FunctionJsonFileName);
        var file = Deserialize<FunctionJsonFile>(path);
        var bindings = file.Bindings.Select(b => ResolveSettings(b, path, appSetting)).ToList();
        var name = Path.GetFileName(folder);
        var triggers = bindings.Count(b => b.IsTrigger);
        if (triggers != 1)
        {
            throw new FunctionAppConfigurationException($"{path}: a function needs exactly one trigger binding, found {triggers}.");
        }

        foreach (var binding in bindings)
        {
            if (string.IsNullOrWhiteSpace(binding.Name))
            {
                throw new FunctionAppConfigurationException($"{path}: the {binding.Type} binding has no name.");
            }

            if ((binding.Is(BindingTypes.QueueTrigger) || binding.Is(BindingTypes.Queue)) && string.IsNullOrWhiteSpace(binding.QueueName))
            {
                throw new FunctionAppConfigurationException($"{path}: binding '{binding.Name}' ({binding.Type}) needs a queueName.");
            }

            if (binding.Is(BindingTypes.TimerTrigger))
            {
                TimerSchedule.Parse(binding.Schedule, $"{path}: binding '{binding.Name}'");
            }
        }

        return new FunctionDefinition(name, path, bindings);
    }

    private static BindingDefinition ResolveSettings(BindingDefinition binding, string path, Func<string, string?> appSetting)
    {
        string? Resolve(string? value) => value is null ? null : SettingReference().Replace(value, match =>
            appSetting(match.Groups["name"].Value)
            ?? throw new FunctionAppConfigurationException(
                $"{path}: binding '{binding.Name}' refers to app setting '{match.Groups["name"].Value}', which is not configured."));

        return new BindingDefinition
        {
            Name = binding.Name,
            Type = binding.Type,
            Direction = binding.Direction,
            DataType = binding.DataType,
            QueueName = Resolve(binding.QueueName),
            Connection = binding.Connection,
            Schedule = Resolve(binding.Schedule),
            RunOnStartup = binding.RunOnStartup,
            UseMonitor = binding.UseMonitor,
            Route = binding.Route,
            Methods = binding.Methods,
            AuthLevel = binding.AuthLevel,
        };
    }

    private static T Deserialize<T>(string path)
        where T : class
    {
        if (!File.Exists(path))
        {
            throw new FunctionAppConfigurationException($"{path} does not exist.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), JsonOptions)
                ?? throw new FunctionAppConfigurationException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new FunctionAppConfigurationException($"{path} is not valid: {e.Message}", e);
        }
    }

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex SettingReference();

    private sealed class FunctionJsonFile
    {
        public IReadOnlyList<BindingDefinition> Bindings { get; init; } = [];
    }
}
