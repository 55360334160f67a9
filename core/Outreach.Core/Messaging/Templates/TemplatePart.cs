namespace Outreach.Core.Messaging.Templates;

/// <summary>The three parts of a message template; errors name the part they were found in.</summary>
public enum TemplatePart
{
    /// <summary>The subject line (rendered without HTML escaping, then made header-safe).</summary>
    Subject,

    /// <summary>The plain-text body (rendered without HTML escaping).</summary>
    Text,

    /// <summary>The HTML body (every <c>{{value}}</c> is HTML-escaped).</summary>
    Html,
}
