namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// Resolves a Handlebars path (<c>firstName</c>, <c>sender.fullName</c>, <c>this</c>, <c>../x</c>, <c>./x</c>,
/// <c>item.x</c> from block parameters, <c>@root.x</c>, <c>@index</c>) against the known variables in a scope.
/// </summary>
internal static class PathResolver
{
    private static readonly HashSet<string> LoopData = new(StringComparer.Ordinal) { "@index", "@first", "@last" };

    public static VariableShape Resolve(PathNode node, TemplateScope scope)
    {
        var text = node.Path;
        if (text.StartsWith('@'))
        {
            return ResolveData(node, scope);
        }

        var depth = 0;
        while (text.StartsWith("../", StringComparison.Ordinal))
        {
            depth++;
            text = text[3..];
        }

        if (text == "..")
        {
            depth++;
            text = string.Empty;
        }

        var explicitContext = depth > 0;
        if (text is "this" or "." || text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith("this.", StringComparison.Ordinal) || text.StartsWith("this/", StringComparison.Ordinal))
        {
            explicitContext = true;
            text = text is "this" or "." ? string.Empty : text[(text.StartsWith("./", StringComparison.Ordinal) ? 2 : 5)..];
        }

        var segments = Segments(text, node);
        var target = scope;
        for (var i = 0; i < depth; i++)
        {
            target = target.Parent ?? throw new TemplateSyntaxException(node.Offset, "template.unknown-variable", $"Path '{node.Path}' goes above the top level", node.Path);
        }

        var shape = target.Context;
        var first = 0;
        if (!explicitContext && segments.Count > 0 && scope.FindBlockParam(segments[0]) is { } param)
        {
            shape = param;
            first = 1;
        }

        return Walk(shape, segments, first, node);
    }

    private static VariableShape ResolveData(PathNode node, TemplateScope scope)
    {
        var separator = node.Path.IndexOfAny(['.', '/']);
        var name = separator < 0 ? node.Path : node.Path[..separator];
        var rest = separator < 0 ? string.Empty : node.Path[(separator + 1)..];
        if (name == "@root")
        {
            return Walk(TemplateVariables.Root, Segments(rest, node), 0, node);
        }

        if (LoopData.Contains(name) && scope.InEach && rest.Length == 0)
        {
            return VariableShape.Value;
        }

        throw new TemplateSyntaxException(node.Offset, "template.unknown-variable", LoopData.Contains(name)
            ? $"Unknown variable '{node.Path}' ({name} exists only inside {{{{#each}}}})"
            : $"Unknown variable '{node.Path}'", node.Path);
    }

    private static VariableShape Walk(VariableShape shape, List<string> segments, int first, PathNode node)
    {
        for (var i = first; i < segments.Count; i++)
        {
            if (shape.Kind != VariableShapeKind.Object || !shape.Members.TryGetValue(segments[i], out var member))
            {
                var suggestion = VariableSuggestions.For(node.Path, segments, i, shape, atRoot: ReferenceEquals(shape, TemplateVariables.Root));
                throw new TemplateSyntaxException(node.Offset, "template.unknown-variable", $"Unknown variable '{node.Path}'", node.Path) { Suggestion = suggestion };
            }

            shape = member;
        }

        return shape;
    }

    private static List<string> Segments(string text, PathNode node)
    {
        var segments = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '[')
            {
                i = text.IndexOf(']', i);
                if (i < 0)
                {
                    throw new TemplateSyntaxException(node.Offset, "template.syntax", $"Invalid path '{node.Path}'");
                }

                continue;
            }

            if (i == text.Length || text[i] is '.' or '/')
            {
                var segment = text[start..i];
                if (segment.StartsWith('[') && segment.EndsWith(']'))
                {
                    segment = segment[1..^1];
                }
                else if (segment is "" or "." or ".." or "this" && text.Length > 0)
                {
                    throw new TemplateSyntaxException(node.Offset, "template.syntax", $"Invalid path '{node.Path}'");
                }

                if (segment.Length > 0)
                {
                    segments.Add(segment);
                }

                start = i + 1;
            }
        }

        return segments;
    }
}
