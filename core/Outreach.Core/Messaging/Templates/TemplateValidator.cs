using System.Text;

namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// Checks a template before it is saved: a name, every part present and within <see cref="MaxPartBytes"/>, no
/// unknown variable or helper, balanced blocks, and no construct that could put raw HTML from contact data into
/// a message (triple-stash, <c>{{&amp;</c>). Problems are located by part, line and column.
/// </summary>
public static class TemplateValidator
{
    /// <summary>Largest part accepted, in UTF-8 bytes (64 KiB): far above any real note, small enough to keep rendering cheap.</summary>
    public const int MaxPartBytes = 64 * 1024;

    /// <summary>Longest template name accepted.</summary>
    public const int MaxNameLength = 200;

    private static readonly TemplatePart[] Parts = [TemplatePart.Subject, TemplatePart.Text, TemplatePart.Html];

    /// <summary>Every problem found, one at most per part (a part is read up to its first error).</summary>
    public static IReadOnlyList<TemplateProblem> FindProblems(MessageTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var problems = new List<TemplateProblem>();
        foreach (var part in Parts)
        {
            var source = template.SourceOf(part);
            var problem = CheckSize(source, part) ?? TemplatePartChecker.FirstProblem(source, part);
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    /// <summary>
    /// <see cref="FindProblems"/>, and also a subject that prints a value which can be blank for some contact outside an
    /// <c>{{#if}}</c> or a <c>{{default}}</c> (<c>template.subject-may-be-empty</c>): what a template being saved must
    /// pass (a preview renders it and warns: <see cref="FindSubjectHole"/>). Rendering a stored template checks only <see cref="FindProblems"/>, so one saved before
    /// this rule still sends.
    /// </summary>
    public static IReadOnlyList<TemplateProblem> FindProblemsBeforeSaving(MessageTemplate template)
    {
        var problems = FindProblems(template);
        if (problems.Any(p => p.Part == TemplatePart.Subject) || SubjectHoleChecker.FirstProblem(template.Subject) is not { } hole)
        {
            return problems;
        }

        return [hole, .. problems];
    }

    /// <summary>
    /// The first value the subject of <paramref name="template"/> prints unguarded (<c>template.subject-may-be-empty</c>),
    /// or null: what saving refuses, for a preview to warn of while the message still renders. Null too when the subject
    /// has a problem of its own (<see cref="FindProblems"/>), which is reported instead.
    /// </summary>
    public static TemplateProblem? FindSubjectHole(MessageTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return TemplatePartChecker.FirstProblem(template.Subject, TemplatePart.Subject) is null ? SubjectHoleChecker.FirstProblem(template.Subject) : null;
    }

    /// <summary>Throws a <see cref="DomainException"/> for the first problem (name, then subject, text, html).</summary>
    /// <exception cref="DomainException">The template cannot be saved; the message names the variable or construct, the part, the line and the column.</exception>
    public static void Validate(MessageTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (string.IsNullOrWhiteSpace(template.Name))
        {
            throw new DomainException("template.name-required", "A template needs a name.", "name");
        }

        if (template.Name.Length > MaxNameLength || template.Name.Any(char.IsControl))
        {
            throw new DomainException("template.name-invalid", $"A template name is one line of at most {MaxNameLength} characters.", "name");
        }

        if (FindProblems(template) is [var first, ..])
        {
            throw first.ToException();
        }
    }

    private static TemplateProblem? CheckSize(string source, TemplatePart part)
    {
        var name = part.ToString().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(source))
        {
            return new TemplateProblem("template.part-required", part, 1, 1, $"The {name} part is empty; every message needs a subject, a text part and an HTML part.");
        }

        var bytes = Encoding.UTF8.GetByteCount(source);
        return bytes > MaxPartBytes
            ? new TemplateProblem("template.too-large", part, 1, 1, $"The {name} part is {bytes} bytes; the limit is {MaxPartBytes} bytes (64 KiB) per part.")
            : null;
    }
}
