using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Support;

/// <summary>
/// A throw-away app root (host.json + function folders, laid out as published) holding every real function (functions/*/function.json) and
/// whichever test functions a test needs, with fast queue settings so retries take seconds.
/// </summary>
internal sealed class TestAppRoot : IDisposable
{
    private TestAppRoot(string path) => Path = path;

    public string Path { get; }

    public static TestAppRoot Create(params (string Name, string FunctionJson)[] functions) => Create(maxDequeueCount: 3, functions);

    public static TestAppRoot Create(int maxDequeueCount, params (string Name, string FunctionJson)[] functions)
    {
        var root = new TestAppRoot(Directory.CreateTempSubdirectory("outreach-app-").FullName);
        File.WriteAllText(System.IO.Path.Combine(root.Path, "host.json"), $$"""
            {
              "version": "2.0",
              "customHandler": { "description": { "defaultExecutablePath": "handler" }, "enableForwardingHttpRequest": true },
              "extensions": {
                "queues": {
                  "maxPollingInterval": "00:00:00.200",
                  "visibilityTimeout": "00:00:01",
                  "batchSize": 4,
                  "newBatchThreshold": 2,
                  "maxDequeueCount": {{maxDequeueCount}},
                  "messageEncoding": "base64"
                },
                "http": { "routePrefix": "api" }
              },
              "functionTimeout": "00:01:00"
            }
            """);
        // Every shipped HTTP and timer function, or the start-up check refuses the endpoints the handler maps. Queue
        // functions are opted into (CreateWithSending): a test app whose local runner drained a queue another test
        // inspects would make the two tests race.
        foreach (var functionJson in Directory.EnumerateDirectories(System.IO.Path.Combine(RepositoryRoot.Path, "functions"))
            .Select(folder => System.IO.Path.Combine(folder, "function.json"))
            .Where(path => File.Exists(path) && !File.ReadAllText(path).Contains("\"queueTrigger\"", StringComparison.Ordinal)))
        {
            root.AddFunction(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(functionJson)!), File.ReadAllText(functionJson));
        }

        foreach (var (name, json) in functions)
        {
            root.AddFunction(name, json);
        }

        return root;
    }

    /// <summary>An app root that also holds the shipped SendOutreach function (the send tests); others run without it.</summary>
    public static TestAppRoot CreateWithSending(int maxDequeueCount)
    {
        var root = Create(maxDequeueCount);
        root.AddShipped("SendOutreach");
        return root;
    }

    /// <summary>An app root that also holds the shipped ImportContacts queue function (the large-file import tests).</summary>
    public static TestAppRoot CreateWithImports(int maxDequeueCount)
    {
        var root = Create(maxDequeueCount);
        root.AddShipped("ImportContacts");
        return root;
    }

    public bool HasFunction(string name) => File.Exists(System.IO.Path.Combine(Path, name, "function.json"));

    public void AddShipped(string name) =>
        AddFunction(name, File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "functions", name, "function.json")));

    public void AddFunction(string name, string functionJson)
    {
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(Path, name));
        File.WriteAllText(System.IO.Path.Combine(folder.FullName, "function.json"), functionJson);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
