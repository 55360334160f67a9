using System.Text;
using Outreach.Functions.Hosting;

namespace Outreach.Functions.Invocation;

/// <summary>Reads a queue invocation into a <see cref="QueueTrigger"/> (documented and real-host shapes alike).</summary>
internal static class QueueTriggerReader
{
    public static QueueTrigger Read(InvocationEnvelope envelope, BindingDefinition trigger)
    {
        var message = InvocationEnvelope.Text(envelope.Data(trigger.Name));
        if (trigger.IsBinary)
        {
            message = DecodeBinary(message, trigger.Name);
        }

        return new QueueTrigger(
            message,
            envelope.MetadataText("Id") ?? throw new InvalidEnvelopeException("Metadata.Id", "the message id is missing."),
            envelope.MetadataText("PopReceipt"),
            envelope.MetadataLong("DequeueCount"),
            envelope.MetadataTime("InsertionTime"),
            envelope.MetadataTime("ExpirationTime"),
            envelope.MetadataTime("NextVisibleTime"));
    }

    /// <summary>The host sends <c>dataType: binary</c> values as base64 of the bytes; the message bodies here are UTF-8 text.</summary>
    private static string DecodeBinary(string base64, string binding)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var length)
            ? Encoding.UTF8.GetString(buffer, 0, length)
            : throw new InvalidEnvelopeException($"Data.{binding}", "a binary binding's value must be base64.");
    }
}
