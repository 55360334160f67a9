using System.Buffers.Text;
using System.Security;
using System.Text;
using System.Xml;

namespace Outreach.Storage.Queues;

/// <summary>
/// Turns message text into the <c>&lt;QueueMessage&gt;</c> request body and back, and enforces the 64 KiB limit
/// on the ENCODED text (UTF-8 bytes of MessageText after base64, as the service counts it) before any request.
/// </summary>
internal static class QueueMessageCodec
{
    public const int MaxEncodedBytes = 64 * 1024;

    public static byte[] RequestBody(string text, QueueMessageEncoding encoding, string parameterName)
    {
        var encoded = Encode(text, encoding, parameterName);
        var size = Encoding.UTF8.GetByteCount(encoded);
        if (size > MaxEncodedBytes)
        {
            throw new ArgumentException(
                $"The message is {size} bytes once encoded ({encoding}); a queue message may be at most {MaxEncodedBytes} bytes (64 KiB).",
                parameterName);
        }

        return Encoding.UTF8.GetBytes($"<QueueMessage><MessageText>{SecurityElement.Escape(encoded)}</MessageText></QueueMessage>");
    }

    public static (string Text, bool Failed) Decode(string raw, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.None)
        {
            return (raw, false);
        }

        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(raw.Length)];
        if (!Convert.TryFromBase64String(raw, bytes, out var written))
        {
            return (raw, true);
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written), false);
        }
        catch (DecoderFallbackException)
        {
            return (raw, true);
        }
    }

    private static string Encode(string text, QueueMessageEncoding encoding, string parameterName)
    {
        if (encoding == QueueMessageEncoding.Base64)
        {
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        }

        try
        {
            XmlConvert.VerifyXmlChars(text);
            return text;
        }
        catch (XmlException)
        {
            throw new ArgumentException("The message contains a character XML cannot carry (a control character); send it with QueueMessageEncoding.Base64.", parameterName);
        }
    }
}
