namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// Finds a value the subject prints unguarded: every contact field can be blank for somebody (a LinkedIn export has no
/// company for many rows, a one-word name has no last name), and a blank one leaves a hole in the one line a recipient
/// reads first ("Thank you, " or "Our chat at "). A value is guarded inside <c>{{#if value}}</c> (or the
/// <c>{{else}}</c> of <c>{{#unless value}}</c>), as the item of an <c>{{#each}}</c>, or when printed through
/// <c>{{default value "fallback"}}</c> with a fallback that is never blank. Refused when a template is saved, warned of
/// when one is previewed, not checked when a stored one is rendered, so a template saved before this check still sends.
/// Runs on a subject that already passed <see cref="TemplatePartChecker"/>.
/// </summary>
internal sealed class SubjectHoleChecker
{
    // Never blank: the sender's address is required by the sender profile.
    private static readonly HashSet<string> AlwaysPresent = new(StringComparer.Ordinal) { "sender.email", "@root.sender.email" };

    private readonly Stack<Block> _blocks = new();

    private SubjectHoleChecker()
    {
    }

    /// <summary>The first unguarded value in <paramref name="subject"/>, or null.</summary>
    public static TemplateProblem? FirstProblem(string subject)
    {
        var hole = new SubjectHoleChecker().FirstHole(subject);
        if (hole is null)
        {
            return null;
        }

        var (line, column) = new SourcePosition(subject).Of(hole.Offset);
        return new TemplateProblem(
            "template.subject-may-be-empty",
            TemplatePart.Subject,
            line,
            column,
            $"'{hole.Path}' in the subject part at line {line}, column {column} is blank for a contact without it, which leaves a hole in the subject line. "
                + $"Wrap it in {{{{#if {hole.Path}}}}}…{{{{/if}}}} or give it a fallback: {{{{default {hole.Path} \"…\"}}}}.")
        {
            Name = hole.Path,
        };
    }

    private PathNode? FirstHole(string subject)
    {
        foreach (var tag in MustacheScanner.Scan(subject))
        {
            switch (tag.Kind)
            {
                case MustacheTagKind.Expression when Unguarded(TagExpressionParser.Parse(tag.Content, tag.ContentStart)) is { } hole:
                    return hole;
                case MustacheTagKind.BlockOpen:
                    _blocks.Push(Opened(TagExpressionParser.Parse(tag.Content, tag.ContentStart)));
                    break;
                case MustacheTagKind.InverseOpen:
                    _blocks.Push(new Block("unless", Condition: tag.Content.Trim(), Guarded: null, EachItems: []));
                    break;
                case MustacheTagKind.Else when _blocks.TryPop(out var block):
                    _blocks.Push(Else(block, tag));
                    break;
                case MustacheTagKind.BlockClose:
                    _blocks.TryPop(out _);
                    break;
            }
        }

        return null;
    }

    private static Block Opened(TagExpression expression)
    {
        var name = (expression.Head as PathNode)?.Path ?? string.Empty;
        var condition = expression.Arguments is [PathNode path] ? path.Path : null;
        return name switch
        {
            "if" => new Block(name, condition, Guarded: condition, EachItems: []),
            "each" => new Block(name, condition, Guarded: null, EachItems: ["this", ".", .. expression.BlockParams.Take(1)]),
            _ => new Block(name, condition, Guarded: null, EachItems: []),
        };
    }

    private static Block Else(Block block, MustacheTag tag)
    {
        if (string.IsNullOrWhiteSpace(tag.Content))
        {
            // The else of #unless x runs when x is there; the else of #if x, #each or #with guards nothing.
            return block with { Guarded = block.Name == "unless" ? block.Condition : null, EachItems = [] };
        }

        var chained = TagExpressionParser.Parse(tag.Content, tag.ContentStart);
        var condition = chained.Arguments is [PathNode path] ? path.Path : null;
        return (chained.Head as PathNode)?.Path == "if"
            ? block with { Name = "if", Condition = condition, Guarded = condition, EachItems = [] }
            : block with { Name = "unless", Condition = condition, Guarded = null, EachItems = [] };
    }

    /// <summary>The path that can print blank, or null when the output is guarded.</summary>
    private PathNode? Unguarded(ExpressionNode node) => node switch
    {
        TagExpression { IsCall: false, Head: var head } => Unguarded(head),
        TagExpression { Head: PathNode { Path: "default" }, Arguments: [var value, var fallback] } =>
            Unguarded(value) is { } hole && Unguarded(fallback) is not null ? hole : null,
        TagExpression => null,
        PathNode path when IsGuarded(path.Path) => null,
        PathNode path => path,
        LiteralNode literal => string.IsNullOrWhiteSpace(literal.Text) ? new PathNode(literal.Offset, "\"\"") : null,
        _ => null,
    };

    private bool IsGuarded(string path) =>
        path.StartsWith('@') && !path.StartsWith("@root", StringComparison.Ordinal)
        || AlwaysPresent.Contains(path)
        || _blocks.Any(b => b.Guarded == path || b.EachItems.Contains(path));

    private sealed record Block(string Name, string? Condition, string? Guarded, IReadOnlyList<string> EachItems);
}
