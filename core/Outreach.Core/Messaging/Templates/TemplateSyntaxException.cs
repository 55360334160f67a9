namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// A located syntax error found while walking a template part. Internal: the validator turns it into a
/// <see cref="TemplateProblem"/> with line and column, and callers only ever see <see cref="DomainException"/>.
/// </summary>
internal sealed class TemplateSyntaxException(int offset, string code, string message, string? name = null) : Exception(message)
{
    public int Offset { get; } = offset;

    public string Code { get; } = code;

    /// <summary>The variable path or helper the error is about, when it is about one.</summary>
    public string? Name { get; } = name;

    /// <summary>The known variable the author most likely meant (<c>firstName</c> for <c>frstName</c>), or null.</summary>
    public string? Suggestion { get; init; }
}
