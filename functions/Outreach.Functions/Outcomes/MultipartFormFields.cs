using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Outreach.Core;
using Outreach.Core.Outcomes;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// The text fields of a <c>multipart/form-data</c> body, each decoded with its own charset. SendGrid Inbound Parse
/// sends every field in the charset of the mail it came from and names it in its <c>charsets</c> field
/// (<c>{"subject":"iso-8859-1",...}</c>), but its parts carry no Content-Type, so ASP.NET's form reader would decode
/// them all as UTF-8 and garble a Latin-1 subject. A charset a part's own Content-Type names comes first, then the one
/// <c>charsets</c> names, then UTF-8 (also for a charset .NET does not know). Files (parts with a file name, SendGrid's
/// and Mailgun's attachments) are skipped unread, so a reply carrying a large attachment costs no memory; each text
/// field is read only up to <see cref="InboundLimits.MaxFormFieldBytes"/> and a longer one is refused naming it.
/// </summary>
internal static class MultipartFormFields
{
    private const string CharsetsField = "charsets";

    /// <summary>The fields by name (a repeated name's values joined by commas, as <c>IFormCollection</c> gives them).</summary>
    /// <exception cref="DomainException"><c>inbound.too-large</c>, target the field, for a field over its limit.</exception>
    public static async Task<Dictionary<string, string>> ReadAsync(Stream body, string boundary, InboundLimits limits, CancellationToken cancellationToken)
    {
        var parts = new List<(string Name, byte[] Bytes, string? Charset)>();
        var reader = new MultipartReader(boundary, body);
        while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFormDisposition() || disposition.IsFileDisposition())
            {
                continue; // the reader skips what is left of the section
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            var bytes = await ReadBoundedAsync(section.Body, name, limits, cancellationToken).ConfigureAwait(false);
            var charset = MediaTypeHeaderValue.TryParse(section.ContentType, out var type) ? type.Charset.Value : null;
            parts.Add((name, bytes, charset));
        }

        var named = Charsets(parts.FirstOrDefault(p => p.Name == CharsetsField).Bytes);
        return parts
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => string.Join(',', g.Select(p => EncodingFor(p.Charset ?? named.GetValueOrDefault(p.Name)).GetString(p.Bytes))),
                StringComparer.Ordinal);
    }

    /// <summary>The field's bytes, read in chunks and given up as soon as they pass the field's limit.</summary>
    private static async Task<byte[]> ReadBoundedAsync(Stream section, string name, InboundLimits limits, CancellationToken cancellationToken)
    {
        var limit = limits.MaxFormFieldBytes(name);
        using var bytes = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await section.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (bytes.Length + read > limit)
            {
                throw limits.FormFieldTooLarge(name);
            }

            bytes.Write(buffer, 0, read);
        }

        return bytes.ToArray();
    }

    private static Dictionary<string, string> Charsets(byte[]? json)
    {
        var charsets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json is not { Length: > 0 })
        {
            return charsets;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in document.RootElement.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.String))
                {
                    charsets[field.Name] = field.Value.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: every field is read as UTF-8, as before.
        }

        return charsets;
    }

    /// <summary>The encoding a charset names; UTF-8 for none, an unknown one or UTF-7 (rather than a 500 the sender retries forever).</summary>
    private static Encoding EncodingFor(string? charset) => Core.Text.Charsets.Find(charset) ?? Encoding.UTF8;
}
