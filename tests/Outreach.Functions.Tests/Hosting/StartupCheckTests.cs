using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Hosting;
using Outreach.Functions.Invocation;
using Outreach.Functions.Tests.Support;

namespace Outreach.Functions.Tests.Hosting;

/// <summary>Start-up refuses to serve when function.json files and registered functions disagree, naming both sides.</summary>
public sealed class StartupCheckTests : IDisposable
{
    private readonly InvocationRecorder _recorder = new();
    private TestAppRoot? _root;

    [Fact]
    public void Trigger_binding_name_that_differs_from_the_function_stops_start_up_naming_both()
    {
        _root = TestAppRoot.Create(("Echo", TestFunctionJson.Echo.Item2.Replace("\"item\"", "\"payload\"", StringComparison.Ordinal)));

        var error = StartFails(services => services.AddQueueFunction<EchoFunction>());

        Assert.Contains(
            $"{Path.Combine(_root.Path, "Echo", "function.json")} names its queueTrigger binding 'payload', but EchoFunction expects 'item'.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Registered_function_without_a_function_json_stops_start_up_naming_both()
    {
        _root = TestAppRoot.Create();

        var error = StartFails(services => services.AddQueueFunction<FlakyFunction>());

        Assert.Contains("FlakyFunction is registered as queue function 'Flaky', but there is no function.json for it", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_root.Path, "Flaky", "function.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Function_json_without_a_registered_function_stops_start_up_naming_both()
    {
        _root = TestAppRoot.Create(TestFunctionJson.Tick);

        var error = StartFails(_ => { });

        Assert.Contains(
            $"{Path.Combine(_root.Path, "Tick", "function.json")} declares timerTrigger function 'Tick', but no ITimerFunction named 'Tick' is registered.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Output_the_function_writes_but_function_json_lacks_stops_start_up()
    {
        _root = TestAppRoot.Create(("Echo", """
            { "bindings": [ { "name": "item", "type": "queueTrigger", "direction": "in", "queueName": "echo" } ] }
            """));

        var error = StartFails(services => services.AddQueueFunction<EchoFunction>());

        Assert.Contains(
            $"EchoFunction writes output binding 'echoed', but {Path.Combine(_root.Path, "Echo", "function.json")} declares no output named 'echoed'.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Http_function_whose_route_differs_from_its_endpoint_stops_start_up_naming_both()
    {
        _root = TestAppRoot.Create();
        _root.AddFunction("Health", """
            { "bindings": [
              { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "anonymous", "methods": ["get"], "route": "status" },
              { "type": "http", "direction": "out", "name": "res" } ] }
            """);

        var error = StartFails(_ => { });

        Assert.Contains("routes HTTP function 'Health' to /api/status, but endpoint HTTP: GET /api/health", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _root?.Dispose();

    private FunctionAppConfigurationException StartFails(Action<IServiceCollection> register) =>
        FunctionAppFactory.StartFailure<FunctionAppConfigurationException>(
            () => FunctionAppFactory.AsHost(_root!.Path, services => register(services.AddSingleton(_recorder)), ("EchoQueue", "echo")));
}
