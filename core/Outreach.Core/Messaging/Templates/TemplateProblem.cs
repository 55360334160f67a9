namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// One thing wrong with a template, located precisely enough for an editor to underline it.
/// </summary>
/// <param name="Code">A stable code, e.g. <c>template.unknown-variable</c>.</param>
/// <param name="Part">The part it is in (subject, text or html).</param>
/// <param name="Line">1-based line within that part.</param>
/// <param name="Column">1-based column within that line.</param>
/// <param name="Message">A sentence naming what is wrong and where.</param>
public sealed record TemplateProblem(string Code, TemplatePart Part, int Line, int Column, string Message)
{
    /// <summary>The variable path or helper the problem is about (<c>frstName</c>, <c>sender.nickname</c>), when it names one.</summary>
    public string? Name { get; init; }

    /// <summary>For an unknown variable, the known one it most likely meant (<c>firstName</c> for <c>frstName</c>), or null.</summary>
    public string? Suggestion { get; init; }

    /// <summary>The part's lower-case name as used in messages and error targets (<c>subject</c>, <c>text</c>, <c>html</c>).</summary>
    public string PartName => Part switch
    {
        TemplatePart.Subject => "subject",
        TemplatePart.Text => "text",
        _ => "html",
    };

    /// <summary>This problem as the domain exception callers turn into a 400 answer (target: the part).</summary>
    public DomainException ToException() => new(Code, Message, PartName);
}
