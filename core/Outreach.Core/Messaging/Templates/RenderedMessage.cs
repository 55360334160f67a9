namespace Outreach.Core.Messaging.Templates;

/// <summary>A rendered message: a header-safe subject (one line), the plain-text part and the HTML part.</summary>
/// <param name="Subject">One line, no CR/LF, not HTML-escaped.</param>
/// <param name="Text">Plain text, not HTML-escaped.</param>
/// <param name="Html">HTML in which every value from the model is escaped.</param>
public sealed record RenderedMessage(string Subject, string Text, string Html);
