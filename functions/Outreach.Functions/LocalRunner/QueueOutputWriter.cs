using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Outreach.Functions.Hosting;
using Outreach.Storage;
using Outreach.Storage.Queues;

namespace Outreach.Functions.LocalRunner;

/// <summary>
/// Does what the host does with queue output bindings: an array value becomes one message per element, any other
/// value one message; <c>$return</c> takes the ReturnValue. Messages are encoded per host.json messageEncoding.
/// </summary>
internal sealed class QueueOutputWriter(StorageAccount storage, QueuesSection settings)
{
    private readonly ConcurrentDictionary<string, QueueClient> _created = new(StringComparer.Ordinal);

    public async Task WriteAsync(FunctionDefinition function, InvocationResult result, CancellationToken cancellationToken)
    {
        foreach (var binding in function.Outputs.Where(b => b.Is(BindingTypes.Queue)))
        {
            var value = binding.Name == BindingTypes.ReturnValue ? result.ReturnValue : Output(result.Outputs, binding.Name);
            if (value is null)
            {
                continue;
            }

            var queue = await QueueAsync(binding.QueueName!, cancellationToken).ConfigureAwait(false);
            foreach (var message in value is JsonArray many ? many.Where(m => m is not null) : [value])
            {
                await queue.SendAsync(Text(message!), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static JsonNode? Output(JsonObject? outputs, string name) =>
        outputs?.FirstOrDefault(o => string.Equals(o.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Text(JsonNode message) =>
        message.GetValueKind() == JsonValueKind.String ? message.GetValue<string>() : message.ToJsonString();

    private async Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken)
    {
        if (_created.TryGetValue(name, out var known))
        {
            return known;
        }

        var queue = storage.GetQueue(name, settings.IsBase64 ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None);
        await queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        return _created.GetOrAdd(name, queue);
    }
}
