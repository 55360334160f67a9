namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// Walks one template part tag by tag, keeping the stack of open blocks and the scope each opens, and checks every
/// path against <see cref="TemplateVariables"/>, every helper against the allowed ones and every block for balance.
/// Stops at the first problem: after a structural error the rest of the part cannot be read reliably.
/// </summary>
internal sealed class TemplatePartChecker
{
    private const string InlineHelper = "default";
    private static readonly HashSet<string> BlockHelpers = new(StringComparer.Ordinal) { "if", "unless", "each", "with" };

    private readonly Stack<OpenBlock> _blocks = new();
    private TemplateScope _scope = TemplateScope.Root;

    private TemplatePartChecker()
    {
    }

    /// <summary>The first problem in <paramref name="source"/>, or null when the part is valid.</summary>
    public static TemplateProblem? FirstProblem(string source, TemplatePart part)
    {
        try
        {
            new TemplatePartChecker().Walk(source);
            return null;
        }
        catch (TemplateSyntaxException e)
        {
            var (line, column) = new SourcePosition(source).Of(e.Offset);
            var problem = new TemplateProblem(e.Code, part, line, column, string.Empty) { Name = e.Name, Suggestion = e.Suggestion };
            var hint = e.Suggestion is null ? string.Empty : $" Did you mean '{e.Suggestion}'?";
            return problem with { Message = $"{e.Message} in the {problem.PartName} part at line {line}, column {column}.{hint}" };
        }
    }

    private void Walk(string source)
    {
        foreach (var tag in MustacheScanner.Scan(source))
        {
            switch (tag.Kind)
            {
                case MustacheTagKind.Comment:
                    break;
                case MustacheTagKind.Expression:
                    CheckOutput(TagExpressionParser.Parse(tag.Content, tag.ContentStart));
                    break;
                case MustacheTagKind.BlockOpen:
                    Open(tag, TagExpressionParser.Parse(tag.Content, tag.ContentStart));
                    break;
                case MustacheTagKind.InverseOpen:
                    OpenInverse(tag, TagExpressionParser.Parse(tag.Content, tag.ContentStart));
                    break;
                case MustacheTagKind.Else:
                    Else(tag);
                    break;
                case MustacheTagKind.BlockClose:
                    Close(tag);
                    break;
            }
        }

        if (_blocks.TryPeek(out var unclosed))
        {
            throw new TemplateSyntaxException(unclosed.Offset, "template.unclosed-block", $"Block {{{{#{unclosed.Name}}}}} is never closed with {{{{/{unclosed.Name}}}}}");
        }
    }

    private void CheckOutput(TagExpression expression)
    {
        if (expression.IsCall || expression.Head is TagExpression)
        {
            CheckCall(expression);
            return;
        }

        if (expression.Head is PathNode path)
        {
            RequirePrintable(path, PathResolver.Resolve(path, _scope));
        }
    }

    private void CheckCall(TagExpression call)
    {
        if (call.Head is not PathNode { Path: var name } head)
        {
            throw new TemplateSyntaxException(call.Offset, "template.syntax", "A call must start with a helper name");
        }

        if (name != InlineHelper)
        {
            throw new TemplateSyntaxException(head.Offset, "template.unknown-helper", BlockHelpers.Contains(name)
                ? $"'{name}' is a block helper; write {{{{#{name} …}}}}…{{{{/{name}}}}}"
                : $"Unknown helper '{name}' (helpers: {string.Join(", ", TemplateVariables.Helpers)})", name);
        }

        if (call.Arguments.Count != 2 || call.Hash.Count > 0 || call.BlockParams.Count > 0)
        {
            throw new TemplateSyntaxException(head.Offset, "template.helper-arguments", "Helper 'default' takes two arguments, as in {{default firstName \"there\"}}");
        }

        foreach (var argument in call.Arguments)
        {
            CheckValue(argument);
        }
    }

    private void CheckValue(ExpressionNode node)
    {
        switch (node)
        {
            case PathNode path:
                RequirePrintable(path, PathResolver.Resolve(path, _scope));
                break;
            case TagExpression nested:
                CheckCall(nested);
                break;
        }
    }

    private void Open(MustacheTag tag, TagExpression expression)
    {
        if (expression.Head is not PathNode { Path: var name } head || !BlockHelpers.Contains(name))
        {
            var shown = (expression.Head as PathNode)?.Path ?? "(…)";
            throw new TemplateSyntaxException(expression.Head.Offset, "template.unknown-helper", $"Unknown block helper '{shown}' (use #if, #unless, #each or #with)", shown);
        }

        if (expression.Arguments.Count != 1 || expression.Hash.Count > 0)
        {
            throw new TemplateSyntaxException(head.Offset, "template.helper-arguments", $"Block {{{{#{name}}}}} takes exactly one value, as in {{{{#{name} topic}}}}");
        }

        var outer = _scope;
        _scope = EnterBlock(name, expression, head);
        _blocks.Push(new OpenBlock(name, tag.Start, outer, ElseSeen: false));
    }

    private TemplateScope EnterBlock(string name, TagExpression expression, PathNode head)
    {
        var maxParams = name switch { "each" => 2, "with" => 1, _ => 0 };
        if (expression.BlockParams.Count > maxParams)
        {
            throw new TemplateSyntaxException(head.Offset, "template.helper-arguments", maxParams == 0
                ? $"Block {{{{#{name}}}}} takes no block parameters"
                : $"Block {{{{#{name}}}}} takes at most {maxParams} block parameter(s)");
        }

        var argument = expression.Arguments[0];
        var shape = argument switch
        {
            PathNode path => PathResolver.Resolve(path, _scope),
            TagExpression call => CheckedCallShape(call),
            _ => VariableShape.Value,
        };

        switch (name)
        {
            case "each":
                if (shape.Kind != VariableShapeKind.List)
                {
                    throw new TemplateSyntaxException(argument.Offset, "template.not-a-list", $"{{{{#each}}}} needs a list such as 'tags', not '{Describe(argument)}'");
                }

                return new TemplateScope(shape.Item!, _scope, Params(expression.BlockParams, shape.Item!, VariableShape.Value), InEach: true);
            case "with":
                if (shape.Kind != VariableShapeKind.Object)
                {
                    throw new TemplateSyntaxException(argument.Offset, "template.not-an-object", $"{{{{#with}}}} needs a group such as 'sender', not '{Describe(argument)}'");
                }

                return new TemplateScope(shape, _scope, Params(expression.BlockParams, shape, shape), _scope.InEach);
            default:
                return _scope;
        }
    }

    private VariableShape CheckedCallShape(TagExpression call)
    {
        CheckCall(call);
        return VariableShape.Value;
    }

    private void OpenInverse(MustacheTag tag, TagExpression expression)
    {
        if (expression.IsCall || expression.Head is not PathNode path)
        {
            throw new TemplateSyntaxException(tag.ContentStart, "template.syntax", "{{^…}} takes one variable; use {{#unless …}} for anything else");
        }

        PathResolver.Resolve(path, _scope);
        _blocks.Push(new OpenBlock(path.Path, tag.Start, _scope, ElseSeen: false));
    }

    private void Else(MustacheTag tag)
    {
        if (!_blocks.TryPop(out var block))
        {
            throw new TemplateSyntaxException(tag.Start, "template.unexpected-else", "{{else}} outside any block");
        }

        if (block.ElseSeen)
        {
            throw new TemplateSyntaxException(tag.Start, "template.unexpected-else", $"Second {{{{else}}}} in the block {{{{#{block.Name}}}}}");
        }

        // The else branch of #each/#with runs in the outer context.
        _scope = block.Outer;
        if (string.IsNullOrWhiteSpace(tag.Content))
        {
            _blocks.Push(block with { ElseSeen = true });
            return;
        }

        var chained = TagExpressionParser.Parse(tag.Content, tag.ContentStart);
        if (chained.Head is not PathNode { Path: "if" or "unless" } || block.Name is not ("if" or "unless"))
        {
            throw new TemplateSyntaxException(chained.Offset, "template.unexpected-else", "Only {{else if …}} and {{else unless …}} may chain, inside {{#if}} or {{#unless}}");
        }

        if (chained.Arguments.Count != 1 || chained.Hash.Count > 0 || chained.BlockParams.Count > 0)
        {
            throw new TemplateSyntaxException(chained.Offset, "template.helper-arguments", "{{else if}} takes exactly one value");
        }

        CheckCondition(chained.Arguments[0]);
        _blocks.Push(block);
    }

    private void CheckCondition(ExpressionNode node)
    {
        switch (node)
        {
            case PathNode path:
                PathResolver.Resolve(path, _scope);
                break;
            case TagExpression call:
                CheckCall(call);
                break;
        }
    }

    private void Close(MustacheTag tag)
    {
        var name = tag.Content.Trim();
        if (!_blocks.TryPop(out var block))
        {
            throw new TemplateSyntaxException(tag.Start, "template.unexpected-close", $"{{{{/{name}}}}} closes no open block");
        }

        if (block.Name != name)
        {
            throw new TemplateSyntaxException(tag.Start, "template.unexpected-close", $"{{{{/{name}}}}} does not match the open block {{{{#{block.Name}}}}}");
        }

        _scope = block.Outer;
    }

    private static void RequirePrintable(PathNode path, VariableShape shape)
    {
        if (shape.Kind == VariableShapeKind.Object)
        {
            throw new TemplateSyntaxException(path.Offset, "template.not-printable", $"'{path.Path}' is a group of variables, not a value; use one of its members, e.g. '{path.Path}.{shape.Members.Keys.First()}'", path.Path);
        }

        if (shape.Kind == VariableShapeKind.List)
        {
            throw new TemplateSyntaxException(path.Offset, "template.not-printable", $"'{path.Path}' is a list; print it with {{{{#each {path.Path}}}}}…{{{{/each}}}}", path.Path);
        }
    }

    private static Dictionary<string, VariableShape> Params(IReadOnlyList<string> names, VariableShape first, VariableShape second)
    {
        var result = new Dictionary<string, VariableShape>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            result[names[i]] = i == 0 ? first : second;
        }

        return result;
    }

    private static string Describe(ExpressionNode node) => node is PathNode p ? p.Path : "(…)";

    private sealed record OpenBlock(string Name, int Offset, TemplateScope Outer, bool ElseSeen);
}
