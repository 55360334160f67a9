using System.Security.Cryptography;
using System.Text;

namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// A message template: a subject, a plain-text part and an HTML part written in Handlebars, for one
/// <see cref="TemplateKind"/>. Immutable; <see cref="Fingerprint"/> identifies its exact content, so a renderer can
/// cache the compiled form and an edited template (same id, new content) is compiled afresh.
/// Check it with <see cref="TemplateValidator.Validate"/> before saving.
/// </summary>
public sealed class MessageTemplate
{
    /// <summary>Creates a template (not yet validated).</summary>
    public MessageTemplate(string id, string name, TemplateKind kind, string subject, string text, string html)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Name = name ?? string.Empty;
        Kind = kind;
        Subject = subject ?? string.Empty;
        Text = text ?? string.Empty;
        Html = html ?? string.Empty;
        Fingerprint = ComputeFingerprint();
    }

    /// <summary>Stable id (unique within its owner or the shared library).</summary>
    public string Id { get; }

    /// <summary>Human name shown in the editor, e.g. "Class visit: thank you".</summary>
    public string Name { get; }

    /// <summary>What the template is for.</summary>
    public TemplateKind Kind { get; }

    /// <summary>Subject line template.</summary>
    public string Subject { get; }

    /// <summary>Plain-text part template.</summary>
    public string Text { get; }

    /// <summary>HTML part template.</summary>
    public string Html { get; }

    /// <summary>Hex SHA-256 of the kind and the three parts: equal fingerprints mean identical rendering.</summary>
    public string Fingerprint { get; }

    /// <summary>The source of one part.</summary>
    public string SourceOf(TemplatePart part) => part switch
    {
        TemplatePart.Subject => Subject,
        TemplatePart.Text => Text,
        _ => Html,
    };

    private string ComputeFingerprint()
    {
        // Length-prefixed so that moving text between parts changes the fingerprint.
        var builder = new StringBuilder();
        foreach (var part in new[] { Kind.ToName(), Subject, Text, Html })
        {
            builder.Append(part.Length).Append(':').Append(part).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
