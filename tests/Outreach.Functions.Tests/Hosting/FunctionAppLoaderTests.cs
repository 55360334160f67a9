using Outreach.Functions.Hosting;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Hosting;

public sealed class FunctionAppLoaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("outreach-loader-").FullName;

    [Fact]
    public void Repository_host_json_and_function_folders_load_with_the_documented_queue_settings()
    {
        var app = FunctionAppLoader.Load(RepositoryRoot.Path, _ => null);

        var queues = app.Host.Extensions.Queues;
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), 16, 8, 5, true),
            (queues.MaxPollingInterval, queues.VisibilityTimeout, queues.BatchSize, queues.EffectiveNewBatchThreshold, queues.MaxDequeueCount, queues.IsBase64));
        Assert.Equal("api", app.Host.Extensions.Http.RoutePrefix);
        Assert.True(app.Host.CustomHandler!.EnableForwardingHttpRequest);
        Assert.Equal("handler", app.Host.CustomHandler.Description!.DefaultExecutablePath);
        Assert.True(app.Find("Health")!.IsForwardedHttp);
    }

    [Fact]
    public void App_setting_references_in_queue_names_are_resolved()
    {
        WriteHostJson();
        WriteFunction("Send", """{ "bindings": [ { "name": "task", "type": "queueTrigger", "direction": "in", "queueName": "%SendQueue%-v2" } ] }""");

        var app = FunctionAppLoader.Load(_root, name => name == "SendQueue" ? "outreach-send" : null);

        Assert.Equal("outreach-send-v2", app.Find("Send")!.Trigger.QueueName);
    }

    [Fact]
    public void Missing_app_setting_is_reported_with_the_file_binding_and_setting()
    {
        WriteHostJson();
        WriteFunction("Send", """{ "bindings": [ { "name": "task", "type": "queueTrigger", "direction": "in", "queueName": "%SendQueue%" } ] }""");

        var error = Assert.Throws<FunctionAppConfigurationException>(() => FunctionAppLoader.Load(_root, _ => null));

        Assert.Equal($"{Path.Combine(_root, "Send", "function.json")}: binding 'task' refers to app setting 'SendQueue', which is not configured.", error.Message);
    }

    [Fact]
    public void Five_field_cron_schedule_is_rejected_naming_the_file_and_binding()
    {
        WriteHostJson();
        WriteFunction("Retrain", """{ "bindings": [ { "name": "timer", "type": "timerTrigger", "direction": "in", "schedule": "*/5 * * * *" } ] }""");

        var error = Assert.Throws<FunctionAppConfigurationException>(() => FunctionAppLoader.Load(_root, _ => null));

        Assert.StartsWith($"{Path.Combine(_root, "Retrain", "function.json")}: binding 'timer': schedule '*/5 * * * *' is not a six-field NCRONTAB expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_queue_settings_are_all_reported_with_their_keys()
    {
        WriteHostJson("""{ "batchSize": 64, "messageEncoding": "utf8" }""");

        var error = Assert.Throws<FunctionAppConfigurationException>(() => FunctionAppLoader.Load(_root, _ => null));

        Assert.Equal(
            $"{Path.Combine(_root, "host.json")}: extensions.queues.batchSize must be between 1 and 32; extensions.queues.messageEncoding must be 'base64' or 'none', not 'utf8'.",
            error.Message);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void WriteHostJson(string queues = "{}") => File.WriteAllText(Path.Combine(_root, "host.json"), $$"""
        { "version": "2.0", "customHandler": { "description": { "defaultExecutablePath": "handler" } }, "extensions": { "queues": {{queues}} } }
        """);

    private void WriteFunction(string name, string json)
    {
        Directory.CreateDirectory(Path.Combine(_root, name));
        File.WriteAllText(Path.Combine(_root, name, "function.json"), json);
    }
}
