using System.Security.Cryptography;
using System.Text;

namespace Outreach.Core.Outcomes;

/// <summary>Deterministic keys that make recording an outcome idempotent.</summary>
public static class DedupeKeys
{
    private const int TextPrefixBytes = 1024;

    /// <summary>
    /// The key of an inbound delivery: <c>mid:</c> + the normalised Message-ID when there is one (services
    /// retry with the same message), else <c>sha256:</c> + hex SHA-256 over the sender key, the raw Date header,
    /// the subject and the first 1 KiB (UTF-8) of the text, newline-separated. Receive time is left out on
    /// purpose: it differs between two deliveries of the same message.
    /// </summary>
    public static string ForInbound(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MessageId is { } id)
        {
            return "mid:" + id;
        }

        var text = Encoding.UTF8.GetBytes(message.Text);
        var prefix = Encoding.UTF8.GetString(text, 0, Math.Min(text.Length, TextPrefixBytes));
        return "sha256:" + Sha256Hex(message.From?.Key ?? string.Empty, message.DateHeader ?? string.Empty, message.Subject, prefix);
    }

    /// <summary>The key of a manual outcome: the same owner, contact, task, type and time is the same event (<see cref="ManualOutcomeValidator"/> passes the start of the day when no time was given).</summary>
    public static string ForManual(string ownerId, string contactId, string? taskId, OutcomeType type, DateTimeOffset occurredAt) =>
        "manual:" + Sha256Hex(ownerId, contactId, taskId ?? string.Empty, type.ToString(), occurredAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The key of an unsubscribe: one per contact, however often the link is clicked.</summary>
    public static string ForUnsubscribe(string ownerId, string contactId) => "unsubscribe:" + Sha256Hex(ownerId, contactId);

    /// <summary>Lower-case hex SHA-256 over the parts joined by newlines.</summary>
    public static string Sha256Hex(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));
}
