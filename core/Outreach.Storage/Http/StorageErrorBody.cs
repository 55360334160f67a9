using System.Text.Json;
using System.Xml;
using Azure;

namespace Outreach.Storage.Http;

/// <summary>
/// Reads the error code and message a storage service put in an error response: the <c>x-ms-error-code</c>
/// header, then the body, either XML <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;</c> (blobs, queues) or JSON
/// <c>{"odata.error":{"code","message":{"value"}}}</c> (tables).
/// </summary>
internal static class StorageErrorBody
{
    private const int MaxBodyBytes = 64 * 1024;

    public static (string? Code, string? Message) Read(Response response)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var headerCode);
        var body = ReadBody(response);
        if (body.Length == 0)
        {
            return (headerCode, null);
        }

        try
        {
            var (code, message) = body.Span[0] == (byte)'{' ? FromJson(body) : FromXml(body);
            return (headerCode ?? code, FirstLine(message));
        }
        catch (Exception e) when (e is JsonException or XmlException)
        {
            // A proxy or load balancer can answer with HTML; the status and header still tell the story.
            return (headerCode, null);
        }
    }

    private static ReadOnlyMemory<byte> ReadBody(Response response)
    {
        if (response.ContentStream is null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (response.ContentStream is MemoryStream)
        {
            return response.Content.ToMemory();
        }

        using var copy = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while (copy.Length < MaxBodyBytes && (read = response.ContentStream.Read(chunk, 0, chunk.Length)) > 0)
        {
            copy.Write(chunk, 0, read);
        }

        return copy.ToArray();
    }

    private static (string? Code, string? Message) FromJson(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("odata.error", out var error))
        {
            return (null, null);
        }

        var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
        string? message = null;
        if (error.TryGetProperty("message", out var m))
        {
            message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
        }

        return (code, message);
    }

    private static (string? Code, string? Message) FromXml(ReadOnlyMemory<byte> body)
    {
        string? code = null, message = null;
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Code")
            {
                code = reader.ReadElementContentAsString();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Message")
            {
                message = reader.ReadElementContentAsString();
            }
            else
            {
                reader.Read();
            }
        }

        return (code, message);
    }

    // Azure appends "\nRequestId:…\nTime:…" to messages; one line is what a log or a test wants.
    private static string? FirstLine(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var newline = message.IndexOfAny(['\r', '\n']);
        return (newline < 0 ? message : message[..newline]).Trim();
    }
}
