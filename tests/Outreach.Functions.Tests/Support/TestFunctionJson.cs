namespace Outreach.Functions.Tests.Support;

/// <summary>function.json files for the test functions; queue names come from settings (%...%) so each test has its own.</summary>
internal static class TestFunctionJson
{
    public static (string, string) Echo => ("Echo", """
        { "bindings": [
          { "name": "item", "type": "queueTrigger", "direction": "in", "queueName": "%EchoQueue%", "connection": "AzureWebJobsStorage" },
          { "name": "echoed", "type": "queue", "direction": "out", "queueName": "%EchoQueue%-out", "connection": "AzureWebJobsStorage" }
        ] }
        """);

    public static (string, string) Flaky => ("Flaky", """
        { "bindings": [ { "name": "message", "type": "queueTrigger", "direction": "in", "queueName": "%FlakyQueue%", "connection": "AzureWebJobsStorage" } ] }
        """);

    public static (string, string) Broken => ("Broken", """
        { "bindings": [ { "name": "message", "type": "queueTrigger", "direction": "in", "queueName": "broken", "connection": "AzureWebJobsStorage" } ] }
        """);

    public static (string, string) Slow => ("Slow", """
        { "bindings": [ { "name": "message", "type": "queueTrigger", "direction": "in", "queueName": "%SlowQueue%", "connection": "AzureWebJobsStorage" } ] }
        """);

    public static (string, string) Tick => ("Tick", """
        { "bindings": [ { "name": "tick", "type": "timerTrigger", "direction": "in", "schedule": "0 */5 * * * *", "runOnStartup": false, "useMonitor": true } ] }
        """);
}
