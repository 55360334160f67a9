namespace Outreach.Core.Messaging.Templates;

/// <summary>Builds a <see cref="TagExpression"/> from a tag's tokens, nesting subexpressions.</summary>
internal static class TagExpressionParser
{
    public static TagExpression Parse(string content, int contentOffset)
    {
        var tokens = ExpressionTokenizer.Tokenize(content, contentOffset);
        var index = 0;
        var expression = ParseCall(tokens, ref index, contentOffset, nested: false);
        if (index < tokens.Count)
        {
            throw new TemplateSyntaxException(tokens[index].Offset, "template.syntax", $"Unexpected '{tokens[index].Text}'");
        }

        return expression;
    }

    private static TagExpression ParseCall(List<ExpressionToken> tokens, ref int index, int offset, bool nested)
    {
        if (index >= tokens.Count || tokens[index].Kind is ExpressionTokenKind.CloseParen or ExpressionTokenKind.HashKey or ExpressionTokenKind.BlockParams)
        {
            throw new TemplateSyntaxException(index < tokens.Count ? tokens[index].Offset : offset, "template.syntax", "Expected a name or path");
        }

        var head = ParseValue(tokens, ref index);
        var arguments = new List<ExpressionNode>();
        var hash = new List<KeyValuePair<string, ExpressionNode>>();
        IReadOnlyList<string> blockParams = [];
        while (index < tokens.Count)
        {
            var token = tokens[index];
            if (token.Kind == ExpressionTokenKind.CloseParen)
            {
                if (!nested)
                {
                    throw new TemplateSyntaxException(token.Offset, "template.syntax", "Unexpected ')'");
                }

                break;
            }

            if (token.Kind == ExpressionTokenKind.BlockParams)
            {
                if (nested || index != tokens.Count - 1)
                {
                    throw new TemplateSyntaxException(token.Offset, "template.syntax", "Block parameters 'as |…|' must end the tag");
                }

                blockParams = token.Names!;
                index++;
                break;
            }

            if (token.Kind == ExpressionTokenKind.HashKey)
            {
                index++;
                if (index >= tokens.Count || tokens[index].Kind is ExpressionTokenKind.CloseParen or ExpressionTokenKind.HashKey or ExpressionTokenKind.BlockParams)
                {
                    throw new TemplateSyntaxException(token.Offset, "template.syntax", $"Argument '{token.Text}=' has no value");
                }

                hash.Add(new(token.Text, ParseValue(tokens, ref index)));
                continue;
            }

            if (hash.Count > 0)
            {
                throw new TemplateSyntaxException(token.Offset, "template.syntax", "Positional arguments must come before named ones");
            }

            arguments.Add(ParseValue(tokens, ref index));
        }

        return new TagExpression(head.Offset, head, arguments, hash, blockParams);
    }

    private static ExpressionNode ParseValue(List<ExpressionToken> tokens, ref int index)
    {
        var token = tokens[index];
        switch (token.Kind)
        {
            case ExpressionTokenKind.OpenParen:
                index++;
                var call = ParseCall(tokens, ref index, token.Offset, nested: true);
                if (index >= tokens.Count || tokens[index].Kind != ExpressionTokenKind.CloseParen)
                {
                    throw new TemplateSyntaxException(token.Offset, "template.syntax", "Subexpression '(' is never closed with ')'");
                }

                index++;
                return call;
            case ExpressionTokenKind.Path:
                index++;
                return new PathNode(token.Offset, token.Text);
            case ExpressionTokenKind.String:
            case ExpressionTokenKind.Literal:
                index++;
                return new LiteralNode(token.Offset, token.Text);
            default:
                throw new TemplateSyntaxException(token.Offset, "template.syntax", $"Unexpected '{token.Text}'");
        }
    }
}
