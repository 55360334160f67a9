using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Messaging.Defaults;

/// <summary>
/// Reads the template file format used for the shipped defaults and <c>samples/templates</c>: header lines
/// <c>name:</c>, <c>kind:</c> and <c>subject:</c>, then a <c>--- text</c> section and a <c>--- html</c> section.
/// Readable in any editor and diff-friendly, unlike JSON with escaped newlines.
/// </summary>
public static class TemplateFile
{
    private const string TextMarker = "--- text";
    private const string HtmlMarker = "--- html";

    /// <summary>Parses <paramref name="content"/> into a template with id <paramref name="id"/> (not yet validated).</summary>
    /// <exception cref="DomainException">A header or section is missing or unknown; the target names the line.</exception>
    public static MessageTemplate Parse(string id, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        for (; index < lines.Length && lines[index] != TextMarker; index++)
        {
            if (lines[index].Length == 0)
            {
                continue;
            }

            var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? lines[index][..colon].Trim() : string.Empty;
            if (key is not ("name" or "kind" or "subject"))
            {
                throw new DomainException("template-file.syntax", $"Line {index + 1}: expected 'name:', 'kind:', 'subject:' or '{TextMarker}'.", $"line {index + 1}");
            }

            headers[key] = lines[index][(colon + 1)..].Trim();
        }

        var html = Array.IndexOf(lines, HtmlMarker, index);
        if (index >= lines.Length || html < 0)
        {
            throw new DomainException("template-file.syntax", $"A template file has a '{TextMarker}' section followed by a '{HtmlMarker}' section.", "sections");
        }

        return new MessageTemplate(
            id,
            headers.GetValueOrDefault("name", string.Empty),
            TemplateKindNames.Parse(headers.GetValueOrDefault("kind"), "kind"),
            headers.GetValueOrDefault("subject", string.Empty),
            string.Join('\n', lines[(index + 1)..html]),
            string.Join('\n', lines[(html + 1)..]));
    }
}
