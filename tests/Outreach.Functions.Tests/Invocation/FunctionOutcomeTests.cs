using System.Text.Json.Nodes;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.Tests.Invocation;

public sealed class FunctionOutcomeTests
{
    [Fact]
    public void Queue_messages_accumulate_as_an_array_of_objects_under_their_binding()
    {
        var outcome = FunctionOutcome.Success().WithQueueMessage("tasks", new { id = 1 }).WithQueueMessage("tasks", new { id = 2 });

        Assert.Equal("""[{"id":1},{"id":2}]""", outcome.Outputs["tasks"].ToJsonString());
    }

    [Fact]
    public void Bare_string_output_is_refused_because_the_host_would_try_it_as_base64()
    {
        var error = Assert.Throws<ArgumentException>(() => FunctionOutcome.Success().WithQueueMessage("tasks", "abcd"));

        Assert.StartsWith("Output 'tasks' must serialize to a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Return_value_must_be_an_object_too()
    {
        Assert.Throws<ArgumentException>(() => FunctionOutcome.Success().WithReturnValue(1234));
        Assert.Equal(JsonNode.Parse("""{"ok":true}""")!.ToJsonString(), FunctionOutcome.Success().WithReturnValue(new { ok = true }).ReturnValue!.ToJsonString());
    }
}
